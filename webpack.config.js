/* eslint-env node */
// Builds the add-in into dist/: functions.js + functions.json (custom functions, self-contained, no DOM;
// functions.json is derived from the declarations in functions/catalog.ts),
// taskpane.html (the shared-runtime page: task pane + functions), playground.html (stand-alone, no Excel),
// manifest.xml (URLs rewritten for production: ADDIN_PUBLIC_URL is required) and the icons. OFFICE_JS=local
// (development only) serves the npm copy of Office.js from dist/office-js/ instead of Microsoft's CDN.
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { FunctionsJsonPlugin } = require('./scripts/functionsJsonPlugin.cjs');
const {
  keepOfficeJsFile,
  OFFICE_JS_LOCAL_DIR,
  officeJsSource,
  publicUrl,
  rewriteManifest,
} = require('./scripts/buildOptions.cjs');
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const onlyFunctions = Boolean(env.functionsOnly);
  const tsRule = {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.build.json') },
    },
  };
  const common = {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    // The HiGHS runtime (territory's exact solver) imports node:* modules only when it runs under Node; in the
    // browser bundles those imports resolve to nothing.
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      fallback: { module: false, fs: false, path: false, url: false, crypto: false },
    },
    module: {
      rules: [tsRule, { test: /\.(png|svg)$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext]' } }],
    },
    performance: { hints: false },
  };

  // Custom functions: one self-contained script that touches nothing but CustomFunctions (no window/document).
  const functions = {
    ...common,
    name: 'functions',
    target: ['web', 'es2020'],
    entry: { functions: './functions/index.ts' },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', globalObject: 'globalThis', clean: false },
    optimization: { splitChunks: false, runtimeChunk: false },
    // functions.json from the declarations of functions/catalog.ts (the same list functions/index.ts registers).
    plugins: [new FunctionsJsonPlugin({ output: 'functions.json' })],
  };
  if (onlyFunctions) return functions;

  // Read here, where the pages (and manifest) are built: a production build without ADDIN_PUBLIC_URL stops now.
  const baseUrl = publicUrl({ production: !dev, env: process.env });
  const officeJs = officeJsSource({ production: !dev, env: process.env });
  const officeJsDir = officeJs.local ? path.dirname(require.resolve('@microsoft/office-js/dist/office.js')) : '';

  const pages = {
    ...common,
    name: 'pages',
    target: ['web', 'es2020'],
    entry: {
      taskpane: './taskpane/index.tsx',
      playground: './taskpane/playground/index.tsx',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: false },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:/, (r) => {
        r.request = r.request.replace(/^node:/, '');
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['taskpane'],
        inject: false,
        templateParameters: { officeJs: officeJs.src },
      }),
      new HtmlWebpackPlugin({
        filename: 'playground.html',
        template: './taskpane/playground/playground.html',
        chunks: ['playground'],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), baseUrl)),
          },
          ...(officeJs.local
            ? [
                {
                  from: '**/*',
                  context: officeJsDir,
                  to: `${OFFICE_JS_LOCAL_DIR}/`,
                  filter: (file) => keepOfficeJsFile(path.relative(officeJsDir, file)),
                },
              ]
            : []),
        ],
      }),
    ],
  };
  const devServer = {
    port: PORT,
    host: 'localhost',
    hot: false,
    liveReload: false,
    client: false,
    static: false,
    devMiddleware: { writeToDisk: false },
    headers: { 'Access-Control-Allow-Origin': '*' },
    server: { type: 'https', options: env.WEBPACK_SERVE ? await devCerts() : {} },
  };
  // webpack-dev-server reads its options from the first configuration; certificates only when serving.
  if (env.WEBPACK_SERVE) functions.devServer = devServer;
  return [functions, pages];
};

async function devCerts() {
  // Certificates from office-addin-dev-certs, generated into ~/.office-addin-dev-certs without sudo (see scripts/certs.cjs).
  const { ensureCertificates } = require('./scripts/certs.cjs');
  return ensureCertificates();
}
