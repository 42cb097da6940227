// Row types of the hub's tables, as Kysely sees them.
import type { Generated } from 'kysely';

export interface ClusterTable {
  name: string;
  environment: string;
  labels: string; // JSON object of string → string
  created_at: string;
  decommissioned_at: string | null;
  kubernetes_version: string | null;
  node_count: number | null;
  agent_version: string | null;
  first_seen_at: string | null;
  last_seen_at: string | null;
}

/** Secrets presented by users and agents; only a SHA-256 of each is kept. */
export interface CredentialTable {
  id: string;
  kind: 'user' | 'agent';
  subject: string; // user name, or cluster name for agents
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  kind: string;
  target: string;
  cluster: string | null;
  before: string | null;
  after: string | null;
  request_id: string | null;
  source: string | null;
}

export interface Database {
  clusters: ClusterTable;
  credentials: CredentialTable;
  audit_events: AuditTable;
}
