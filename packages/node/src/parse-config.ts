/**
 * `parseConfig`, synchronous, so it imports the YAML parser statically; the
 * file loaders in config.ts load it only when they meet a YAML file.
 */
import { configOf, isYamlFile, parseJson, type ReplylintConfig } from './config.js';
import { parseYaml } from './yaml.js';

/**
 * Parse and validate the text of a config file. The format follows the file
 * name: `.json` (and `package.json`, whose `replylint` key is read) or
 * `.yaml`/`.yml`. `fileName` is only used in error messages and for the format.
 */
export function parseConfig(text: string, fileName: string): ReplylintConfig {
  return configOf(isYamlFile(fileName) ? parseYaml(text, fileName) : parseJson(text, fileName), fileName);
}
