/**
 * The settings of a command-line tool: .env read as the bot reads it, then validated. Invalid settings are
 * handed to the tool's own wording of them, and the tool stops.
 */
import { config as loadDotenv } from 'dotenv';
import { loadSettings, SettingsError, type Settings } from '../config/settings.js';

/** The settings, or undefined once `refuse` has been told the problems (each naming its setting). */
export function cliSettings(refuse: (problems: string[]) => void): Settings | undefined {
  // quiet: dotenv 17 otherwise prints a banner on stdout, mixed into the tool's output.
  loadDotenv({ quiet: true });
  try {
    return loadSettings(process.env);
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    refuse(err.problems);
    return undefined;
  }
}
