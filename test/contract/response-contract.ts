import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type {
  HeaderObject,
  OpenAPIObject,
  OperationObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';

const DOCUMENT_ID = 'openapi.json';

type Schema = Record<string, unknown>;

/** What a test saw of one HTTP answer. */
export interface ObservedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body text; empty for none. */
  text: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues(
  record: Record<string, unknown>,
  map: (value: unknown) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, map(value)]),
  );
}

/**
 * The schema with every object closed to fields it does not declare, so a
 * field the code adds without documenting it fails, and every reference
 * pointed at the document's schemas as registered with Ajv.
 */
export function closedSchema(node: unknown): unknown {
  if (!isRecord(node)) return node;
  const schema: Schema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === '$ref' && typeof value === 'string') {
      schema.$ref = value.replace(
        '#/components/schemas/',
        `${DOCUMENT_ID}#/$defs/`,
      );
    } else if (keyword === 'properties' && isRecord(value)) {
      schema.properties = mapValues(value, closedSchema);
    } else if (['allOf', 'anyOf', 'oneOf'].includes(keyword)) {
      schema[keyword] = (value as unknown[]).map(closedSchema);
    } else if (['items', 'not', 'additionalProperties'].includes(keyword)) {
      schema[keyword] = closedSchema(value);
    } else {
      schema[keyword] = value;
    }
  }
  const isObject = schema.type === 'object' || 'properties' in schema;
  if (isObject && !('additionalProperties' in schema)) {
    schema.additionalProperties = false;
  }
  return schema;
}

const ERRORS_SHOWN = 5;

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  const all = errors ?? [];
  const shown = all
    .slice(0, ERRORS_SHOWN)
    .map((error) => {
      const where = error.instancePath || '(body)';
      const extra =
        error.keyword === 'additionalProperties'
          ? ` "${String(error.params.additionalProperty)}"`
          : '';
      return `${where} ${error.message ?? error.keyword}${extra}`;
    })
    .join('; ');
  const more = all.length - ERRORS_SHOWN;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/**
 * Checks real answers against an OpenAPI document: the status must be
 * documented for the operation, the documented headers present and valid,
 * the body of the documented media type and valid against its schema with
 * no undocumented fields.
 */
export class ResponseContract {
  private readonly ajv = new Ajv({ allErrors: true, strict: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addVocabulary(['example']);
    this.ajv.addSchema({
      $id: DOCUMENT_ID,
      $defs: mapValues(document.components?.schemas ?? {}, closedSchema),
    });
  }

  operation(method: string, path: string): OperationObject | undefined {
    const item = this.document.paths[path] as
      Record<string, OperationObject> | undefined;
    return item?.[method.toLowerCase()];
  }

  /** Everything wrong with the answer; empty when it keeps the contract. */
  problems(method: string, path: string, response: ObservedResponse): string[] {
    const operation = this.operation(method, path);
    if (!operation) return [`${method} ${path} is not documented`];
    const documented = operation.responses[String(response.status)] as
      ResponseObject | undefined;
    if (!documented) {
      return [`${method} ${path} does not document status ${response.status}`];
    }

    const where = `${method} ${path} ${response.status}`;
    const problems = Object.entries(documented.headers ?? {}).flatMap(
      ([name, header]) =>
        this.headerProblems(where, name, header as HeaderObject, response),
    );
    return [...problems, ...this.bodyProblems(where, documented, response)];
  }

  private headerProblems(
    where: string,
    name: string,
    header: HeaderObject,
    response: ObservedResponse,
  ): string[] {
    const value = response.headers[name.toLowerCase()];
    if (typeof value !== 'string') {
      return [`${where}: header ${name} is missing`];
    }
    const schema = header.schema as SchemaObject | undefined;
    if (!schema) return [];
    const numeric = schema.type === 'integer' || schema.type === 'number';
    const typed =
      numeric && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    const validate = this.validator(`header ${where} ${name}`, schema);
    return validate(typed)
      ? []
      : [
          `${where}: header ${name}=${value}: ${describeErrors(validate.errors)}`,
        ];
  }

  private bodyProblems(
    where: string,
    documented: ResponseObject,
    response: ObservedResponse,
  ): string[] {
    const content = documented.content ?? {};
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) {
      return response.text === ''
        ? []
        : [`${where}: a body came although none is documented`];
    }
    const contentType = String(response.headers['content-type'] ?? '');
    const mediaType = mediaTypes.find((type) => contentType.startsWith(type));
    if (!mediaType) {
      return [
        `${where}: content type "${contentType}" is not one of ${mediaTypes.join(', ')}`,
      ];
    }
    const schema = content[mediaType].schema;
    if (!schema) return [];
    if (mediaType !== 'application/json') return [];

    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    const validate = this.validator(`${where} ${mediaType}`, schema);
    return validate(body)
      ? []
      : [`${where}: ${describeErrors(validate.errors)}`];
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(closedSchema(schema) as Schema);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * Object properties the document leaves optional, by schema, beyond those
 * listed in `allowed`. A property the code always sends belongs in
 * `required`, or a missing one would pass unnoticed.
 */
export function optionalProperties(
  document: OpenAPIObject,
  schemaNames: readonly string[],
  allowed: Record<string, readonly string[]>,
): string[] {
  const schemas = document.components?.schemas ?? {};
  return schemaNames.flatMap((name) => {
    const schema = schemas[name] as SchemaObject | undefined;
    const required = new Set(schema?.required ?? []);
    return Object.keys(schema?.properties ?? {})
      .filter((property) => !required.has(property))
      .filter((property) => !(allowed[name] ?? []).includes(property))
      .map((property) => `${name}.${property}`);
  });
}

/** Names of the component schemas a schema refers to, directly or not. */
export function referencedSchemas(
  document: OpenAPIObject,
  root: unknown,
): string[] {
  const schemas = document.components?.schemas ?? {};
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      if (!found.has(name)) {
        found.add(name);
        visit(schemas[name]);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(root);
  return [...found].sort();
}
