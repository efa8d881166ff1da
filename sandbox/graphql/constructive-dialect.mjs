// An inflection and argument preset that makes plain PostGraphile v5 answer in the dialect of Constructive's
// server (Inflekt names + connection filter): `schemas`, `apiSchemas`, `rlsModules` without schema prefixes or
// "all", `id` kept as `id` (no Relay node id), `where: { databaseId: { equalTo } }` instead of `condition`,
// `orderBy: [ID_ASC]`, and upper-cased enum values. Written for the tests: the preset packages of Constructive are not on npm.
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

function pluralize(inflection, name) {
  if (/schema$/.test(name)) return name + "s";
  return inflection.pluralize(name);
}

const ConstructiveInflectionPlugin = {
  name: "ConstructiveInflectionPlugin",
  version: "1.0.0",
  inflection: {
    replace: {
      _schemaPrefix() {
        return "";
      },
      _attributeName(_previous, _options, { attributeName, codec }) {
        const attribute = codec.attributes[attributeName];
        return this.coerceToGraphQLName(attribute.extensions?.tags?.name || attributeName);
      },
      allRowsConnection(_previous, _options, resource) {
        return this.camelCase(pluralize(this, this._singularizedResourceName(resource)));
      },
      // Constructive's server upper-cases enum values (`CORE` for the label `core`).
      enumValue(_previous, _options, value) {
        return this.constantCase(value);
      },
      allRowsList(_previous, _options, resource) {
        return this.camelCase(pluralize(this, this._singularizedResourceName(resource)) + "-list");
      },
    },
  },
};

// The connection filter plugin names its argument `filter`; Constructive's server calls it `where`.
const WhereArgumentPlugin = {
  name: "WhereArgumentPlugin",
  version: "1.0.0",
  after: ["PgConnectionArgFilterPlugin"],
  schema: {
    hooks: {
      GraphQLObjectType_fields_field_args(args) {
        if (!args.filter) return args;
        const { filter, ...rest } = args;
        return { ...rest, where: filter };
      },
    },
  },
};

export const ConstructiveDialectPreset = {
  extends: [PostGraphileConnectionFilterPreset],
  plugins: [ConstructiveInflectionPlugin, WhereArgumentPlugin],
  disablePlugins: ["NodePlugin", "PgConditionArgumentPlugin"],
};
