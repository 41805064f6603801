/** YAML config text to data (loaded only when a YAML config is read). */
import { parseDocument } from 'yaml';
import { ConfigError, firstLine } from './config.js';

export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error) {
    const where = error.linePos?.[0];
    const reason = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(file, where ? `line ${where.line}` : undefined, `invalid YAML: ${reason}`);
  }
  try {
    return doc.toJS();
  } catch (error) {
    // e.g. "Excessive alias count indicates a resource exhaustion attack" (a billion-laughs file).
    throw new ConfigError(file, undefined, `invalid YAML: ${firstLine((error as Error).message ?? String(error))}`);
  }
}
