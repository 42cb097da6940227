#!/usr/bin/env node
// The `flotilla` command: one binary for the hub, the agent, the simulator and the demo.
import { Command } from '@commander-js/extra-typings';
import { hubCommand } from './commands/hub.ts';
import { agentCommand } from './commands/agent.ts';
import { simCommand } from './commands/sim.ts';
import { demoCommand } from './commands/demo.ts';
import { loginCommand } from './commands/login.ts';
import { usersCommand } from './commands/users.ts';
import { tokensCommand } from './commands/tokens.ts';
import { rolesCommand } from './commands/roles.ts';
import { clustersCommand } from './commands/clusters.ts';
import { kubeconfigCommand } from './commands/kubeconfig.ts';
import { joinTokensCommand } from './commands/join-tokens.ts';
import { auditCommand } from './commands/audit.ts';

/** Builds the command tree (exported so tests can parse arguments without spawning). */
export function buildProgram(): Command {
  return new Command('flotilla')
    .description('Run a fleet of Kubernetes clusters from one hub.')
    .version('0.1.0')
    .enablePositionalOptions()
    .addCommand(hubCommand())
    .addCommand(agentCommand())
    .addCommand(simCommand())
    .addCommand(demoCommand())
    .addCommand(loginCommand())
    .addCommand(usersCommand())
    .addCommand(tokensCommand())
    .addCommand(rolesCommand())
    .addCommand(clustersCommand())
    .addCommand(kubeconfigCommand())
    .addCommand(joinTokensCommand())
    .addCommand(auditCommand());
}

if (import.meta.main) await buildProgram().parseAsync(process.argv);
