'use strict';
// rulecase is an ES module. Node 20.19 and later load it with require(), which this file does for
// CommonJS consumers; where that cannot work, it says which import to use instead of
// ERR_PACKAGE_PATH_NOT_EXPORTED or ERR_REQUIRE_ESM.
try {
  module.exports = require('../dist/index.js');
} catch (error) {
  if (error && (error.code === 'ERR_REQUIRE_ESM' || error.code === 'ERR_REQUIRE_ASYNC_MODULE')) {
    throw new Error(
      "rulecase is an ES module and this Node.js cannot require() it (Node.js 20.19 or later can). Use import { assess, loadRules } from 'rulecase', or from CommonJS: const { assess, loadRules } = await import('rulecase').",
      { cause: error },
    );
  }
  throw error;
}
