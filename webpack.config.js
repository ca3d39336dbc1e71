/* eslint-env node */
// Builds the add-in into dist/: functions.js + functions.json (custom functions, self-contained, no DOM),
// taskpane.html (the shared-runtime page: task pane + functions), playground.html (stand-alone, no Excel),
// manifest.xml (URLs rewritten for production) and the icons.
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const FUNCTION_FILES = require('./functions/files.cjs');

const DEV_URL = 'https://localhost:3000/';
const PROD_URL = process.env.ADDIN_PUBLIC_URL || 'https://salesops-modeler.github.io/addin/';
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
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: FUNCTION_FILES.map((f) => path.resolve(__dirname, f)),
      }),
    ],
  };
  if (onlyFunctions) return functions;

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
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(PROD_URL)),
          },
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
