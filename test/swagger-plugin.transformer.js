// Runs the @nestjs/swagger CLI plugin inside ts-jest, with the options
// `nest build` uses, so that tests see the same OpenAPI metadata as dist/.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const plugin = require('@nestjs/swagger/plugin');
const { version: swaggerVersion } = require('@nestjs/swagger/package.json');

const nestCli = readFileSync(join(__dirname, '..', 'nest-cli.json'), 'utf8');
const swaggerPlugin = JSON.parse(nestCli).compilerOptions.plugins.find(
  (entry) => entry === '@nestjs/swagger' || entry.name === '@nestjs/swagger',
);
const options = (swaggerPlugin && swaggerPlugin.options) || {};

module.exports.name = 'nestjs-swagger-plugin';
// ts-jest keys its cache on the version: new plugin options, new version.
module.exports.version = createHash('sha1')
  .update(JSON.stringify([swaggerVersion, options]))
  .digest('hex');
module.exports.factory = (compiler) =>
  plugin.before({ ...options }, compiler.program);
