/**
 * `npm run org:check`: reads ORG_CONFIG (and .env) as the bot does and prints each organisation and who belongs
 * with which roles, resolving Entra groups through Graph when the Graph settings are there.
 * Exit status: 0 the configuration is valid; 1 it is not (the problems, each naming file and field, on stderr),
 * the settings are invalid, or a group could not be read through Graph.
 */
import { loadOrganisationSources } from '../config/organisationConfig.js';
import { OrganisationFileError } from '../config/organisationFile.js';
import { GroupMembersError, graphGroupMembers } from '../integrations/graph/groupMembers.js';
import { cliSettings } from './cliSettings.js';
import { NOT_RESOLVED, organisationReport, type GroupOutcome } from './organisationReport.js';

async function main(): Promise<number> {
  const settings = cliSettings((problems) =>
    process.stderr.write(`Invalid settings:\n${problems.map((p) => `  - ${p}\n`).join('')}`),
  );
  if (!settings) return 1;
  let loaded;
  try {
    loaded = loadOrganisationSources(settings.ORG_CONFIG);
  } catch (err) {
    if (!(err instanceof OrganisationFileError)) throw err;
    process.stderr.write(
      `The organisation configuration ${settings.ORG_CONFIG} is invalid (${err.code}):\n` +
        err.problems.map((p) => `  ${p}\n`).join(''),
    );
    return 1;
  }
  const groups = graphGroupMembers(settings);
  const readGroup = async (id: string): Promise<GroupOutcome> => {
    if (!groups) return { problem: `${NOT_RESOLVED} (Graph is not configured: set the GRAPH_* settings)` };
    try {
      return { members: await groups.members(id) };
    } catch (err) {
      if (err instanceof GroupMembersError) return { problem: `${err.code}: ${err.message}` };
      throw err;
    }
  };
  const report = await organisationReport(settings.ORG_CONFIG, loaded, readGroup);
  process.stdout.write(report.text);
  for (const problem of report.groupProblems) process.stderr.write(`${problem}\n`);
  return report.groupProblems.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`org:check failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
