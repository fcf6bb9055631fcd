/**
 * Nest 12 ships ES modules, and jest on Node 20 can only load CommonJS, so the test configs
 * compile node_modules/@nestjs to CommonJS with babel. Some of those modules declare
 * `const require = createRequire(import.meta.url)`, which would shadow the `require` calls the
 * CommonJS transform adds: rename that binding before the transform runs.
 */
module.exports = function nestEsmInterop() {
  return {
    name: 'nest-esm-interop',
    visitor: {
      Program(path) {
        if (path.scope.hasOwnBinding('require')) path.scope.rename('require', '__esmRequire');
      },
    },
  };
};
