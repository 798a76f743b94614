// A structural walk of raw BSON: every length consistent with its container, every element type
// known, every string and name terminated, array keys "0", "1", ... in order. Nothing is decoded,
// and nesting is followed with an explicit stack so hostile depth cannot overflow the call stack.

/** Where and why a document is not well-formed BSON; `offset` is relative to the document start. */
export interface BsonProblem {
  message: string;
  offset: number;
}

interface Frame {
  /** Index of the document's closing 0x00. */
  end: number;
  isArray: boolean;
  nextIndex: number;
}

/** Value size of the fixed-size element types, indexed by type byte; -1 for the others. */
const FIXED_SIZES = new Int8Array(256).fill(-1);
for (const [type, size] of [
  [0x01, 8], // double
  [0x06, 0], // undefined
  [0x07, 12], // ObjectId
  [0x09, 8], // UTC datetime
  [0x0a, 0], // null
  [0x10, 4], // int32
  [0x11, 8], // timestamp
  [0x12, 8], // int64
  [0x13, 16], // decimal128
  [0x7f, 0], // max key
  [0xff, 0], // min key
] as const) {
  FIXED_SIZES[type] = size;
}

function int32At(buf: Uint8Array, at: number): number {
  return buf[at]! | (buf[at + 1]! << 8) | (buf[at + 2]! << 16) | (buf[at + 3]! << 24);
}

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/** Checks that `doc` is exactly one well-formed BSON document. Returns the first problem, or null. */
export function findBsonProblem(doc: Uint8Array): BsonProblem | null {
  const size = doc.length;
  if (size < 5) return { message: `document of ${size} bytes is shorter than the minimum 5`, offset: 0 };
  const declared = int32At(doc, 0);
  if (declared !== size) {
    return {
      message: `document length field says ${declared} but the document has ${size} bytes`,
      offset: 0,
    };
  }
  if (doc[size - 1] !== 0) return { message: 'document does not end with 0x00', offset: size - 1 };

  const stack: Frame[] = [{ end: size - 1, isArray: false, nextIndex: 0 }];
  let pos = 4;
  for (;;) {
    const frame = stack[stack.length - 1]!;
    if (pos === frame.end) {
      stack.pop();
      pos++;
      if (stack.length === 0) return null;
      continue;
    }
    const elementStart = pos;
    const type = doc[pos]!;
    if (type === 0) {
      return {
        message: `0x00 where an element was expected, ${frame.end - pos} bytes before the end`,
        offset: pos,
      };
    }
    pos++;
    const nameEnd = doc.indexOf(0, pos);
    if (nameEnd < 0 || nameEnd >= frame.end) return { message: 'field name is not terminated', offset: pos };
    if (frame.isArray) {
      const expected = String(frame.nextIndex++);
      if (!nameEquals(doc, pos, nameEnd, expected)) {
        return { message: `array key is not "${expected}"`, offset: pos };
      }
    }
    pos = nameEnd + 1;
    const room = frame.end - pos;
    const fixed = FIXED_SIZES[type]!;
    if (fixed >= 0) {
      if (fixed > room)
        return { message: `element of type ${hex(type)} overruns its document`, offset: elementStart };
      pos += fixed;
      continue;
    }
    switch (type) {
      case 0x08: {
        if (room < 1) return { message: 'boolean overruns its document', offset: elementStart };
        const value = doc[pos]!;
        if (value > 1) return { message: `boolean byte is ${hex(value)}, not 0x00 or 0x01`, offset: pos };
        pos += 1;
        break;
      }
      case 0x02: // string
      case 0x0d: // JavaScript code
      case 0x0e: {
        // symbol
        const after = stringEnd(doc, pos, frame.end);
        if (typeof after !== 'number') return after;
        pos = after;
        break;
      }
      case 0x0c: {
        // DBPointer: a string then an ObjectId
        const after = stringEnd(doc, pos, frame.end);
        if (typeof after !== 'number') return after;
        if (after + 12 > frame.end)
          return { message: 'DBPointer overruns its document', offset: elementStart };
        pos = after + 12;
        break;
      }
      case 0x03:
      case 0x04: {
        if (room < 5) return { message: 'embedded document overruns its document', offset: elementStart };
        const length = int32At(doc, pos);
        if (length < 5 || length > room) {
          return { message: `embedded document length ${length} does not fit its container`, offset: pos };
        }
        const end = pos + length - 1;
        if (doc[end] !== 0) return { message: 'embedded document does not end with 0x00', offset: end };
        stack.push({ end, isArray: type === 0x04, nextIndex: 0 });
        pos += 4;
        break;
      }
      case 0x05: {
        if (room < 5) return { message: 'binary overruns its document', offset: elementStart };
        const length = int32At(doc, pos);
        if (length < 0 || length > room - 5) {
          return { message: `binary length ${length} does not fit its document`, offset: pos };
        }
        // Subtype 2 (old binary) repeats the length inside the payload.
        if (doc[pos + 4] === 0x02 && (length < 4 || int32At(doc, pos + 5) !== length - 4)) {
          return { message: 'old binary (subtype 2) inner length is inconsistent', offset: pos };
        }
        pos += 5 + length;
        break;
      }
      case 0x0b: {
        // regular expression: pattern and options, both cstrings
        for (let part = 0; part < 2; part++) {
          const end = doc.indexOf(0, pos);
          if (end < 0 || end >= frame.end)
            return { message: 'regular expression is not terminated', offset: pos };
          pos = end + 1;
        }
        break;
      }
      case 0x0f: {
        // code with scope: int32 total, string, document
        if (room < 14) return { message: 'code with scope overruns its document', offset: elementStart };
        const total = int32At(doc, pos);
        if (total < 14 || total > room) {
          return { message: `code with scope length ${total} does not fit its document`, offset: pos };
        }
        const scopeStart = stringEnd(doc, pos + 4, pos + total);
        if (typeof scopeStart !== 'number') return scopeStart;
        const scopeLength = pos + total - scopeStart;
        if (scopeLength < 5 || int32At(doc, scopeStart) !== scopeLength) {
          return { message: 'code with scope: scope document length is inconsistent', offset: scopeStart };
        }
        const end = scopeStart + scopeLength - 1;
        if (doc[end] !== 0) return { message: 'scope document does not end with 0x00', offset: end };
        stack.push({ end, isArray: false, nextIndex: 0 });
        pos = scopeStart + 4;
        break;
      }
      default:
        return { message: `unknown element type ${hex(type)}`, offset: elementStart };
    }
  }
}

/** Checks a length-prefixed string at `at` that must end before `limit`; returns the index after it. */
function stringEnd(doc: Uint8Array, at: number, limit: number): number | BsonProblem {
  if (at + 4 > limit) return { message: 'string length overruns its document', offset: at };
  const length = int32At(doc, at);
  if (length < 1 || length > limit - at - 4) {
    return { message: `string length ${length} does not fit its document`, offset: at };
  }
  const end = at + 4 + length;
  if (doc[end - 1] !== 0) return { message: 'string is not terminated with 0x00', offset: end - 1 };
  return end;
}

function nameEquals(doc: Uint8Array, start: number, end: number, expected: string): boolean {
  if (end - start !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) {
    if (doc[start + i] !== expected.charCodeAt(i)) return false;
  }
  return true;
}

/** A top-level field of a header document; `value` is set for the types headers use. */
export interface HeaderField {
  name: string;
  type: number;
  value?: string | number | bigint | boolean;
}

export const BSON_STRING = 0x02;
export const BSON_BOOLEAN = 0x08;
export const BSON_INT32 = 0x10;
export const BSON_INT64 = 0x12;

const TYPE_NAMES: Readonly<Record<number, string>> = {
  [BSON_STRING]: 'string',
  [BSON_BOOLEAN]: 'boolean',
  [BSON_INT32]: 'int32',
  [BSON_INT64]: 'int64',
};

export function bsonTypeName(type: number): string {
  return TYPE_NAMES[type] ?? `BSON type ${hex(type)}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Lists the top-level fields of a document, or returns the problem if it is not well-formed. */
export function readHeaderFields(doc: Uint8Array): HeaderField[] | BsonProblem {
  const problem = findBsonProblem(doc);
  if (problem) return problem;
  const fields: HeaderField[] = [];
  const view = new DataView(doc.buffer, doc.byteOffset, doc.byteLength);
  let pos = 4;
  while (pos < doc.length - 1) {
    const type = doc[pos]!;
    const nameEnd = doc.indexOf(0, pos + 1);
    let name: string;
    try {
      name = utf8.decode(doc.subarray(pos + 1, nameEnd));
    } catch {
      return { message: 'field name is not valid UTF-8', offset: pos + 1 };
    }
    pos = nameEnd + 1;
    const field: HeaderField = { name, type };
    let size: number;
    switch (type) {
      case BSON_STRING: {
        const length = view.getInt32(pos, true);
        try {
          field.value = utf8.decode(doc.subarray(pos + 4, pos + 4 + length - 1));
        } catch {
          return { message: `value of "${name}" is not valid UTF-8`, offset: pos };
        }
        size = 4 + length;
        break;
      }
      case BSON_BOOLEAN:
        field.value = doc[pos] === 1;
        size = 1;
        break;
      case BSON_INT32:
        field.value = view.getInt32(pos, true);
        size = 4;
        break;
      case BSON_INT64:
        field.value = view.getBigInt64(pos, true);
        size = 8;
        break;
      default:
        size = elementSize(doc, view, type, pos);
    }
    fields.push(field);
    pos += size;
  }
  return fields;
}

/** Size of an element value already known to be well-formed. */
function elementSize(doc: Uint8Array, view: DataView, type: number, pos: number): number {
  const fixed = FIXED_SIZES[type]!;
  if (fixed >= 0) return fixed;
  switch (type) {
    case 0x0d:
    case 0x0e:
      return 4 + view.getInt32(pos, true);
    case 0x0c:
      return 4 + view.getInt32(pos, true) + 12;
    case 0x03:
    case 0x04:
    case 0x0f:
      return view.getInt32(pos, true);
    case 0x05:
      return 5 + view.getInt32(pos, true);
    case 0x0b: {
      const patternEnd = doc.indexOf(0, pos);
      return doc.indexOf(0, patternEnd + 1) + 1 - pos;
    }
    default:
      throw new Error(`unreachable: element type ${hex(type)} passed the structural check`);
  }
}
