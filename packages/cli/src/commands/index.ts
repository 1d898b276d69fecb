import type { Command } from '../command.js';
import { decodeCommand } from './decode.js';
import { diffCommand } from './diff.js';
import { docsCommand } from './docs.js';
import { explainCommand } from './explain.js';
import { importCommand } from './import.js';
import { lintCommand } from './lint.js';
import { openapiCommand } from './openapi.js';
import { renderCommand } from './render.js';
import { serveCommand } from './serve.js';
import { typesCommand } from './types.js';

/** Every `errcat` subcommand, in the order `errcat --help` lists them. */
export const commands: readonly Command[] = [
  lintCommand,
  explainCommand,
  renderCommand,
  typesCommand,
  diffCommand,
  openapiCommand,
  importCommand,
  docsCommand,
  serveCommand,
  decodeCommand,
];
