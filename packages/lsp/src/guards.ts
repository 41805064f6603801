/**
 * Shape checks for what arrives over the wire (params are untrusted JSON).
 * No dependencies, so the settings contract can use them too.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface PositionShape {
  line: number;
  character: number;
}

export function isPosition(value: unknown): value is PositionShape {
  return isRecord(value) && Number.isInteger(value['line']) && Number.isInteger(value['character']);
}

export function isRange(value: unknown): value is { start: PositionShape; end: PositionShape } {
  return isRecord(value) && isPosition(value['start']) && isPosition(value['end']);
}
