// Row types of the hub's tables, as Kysely sees them. Times are ISO-8601 UTC text and structured
// values JSON text, so both engines store and compare them the same way.
import type { Generated } from 'kysely';

export interface ClusterTable {
  name: string;
  environment: string;
  labels: string; // JSON object of string → string
  dns_name: Generated<string | null>;
  /** Bumped on every change, so concurrent writers detect each other (compare-and-set). */
  version: Generated<number>;
  created_at: string;
  decommissioned_at: string | null;
  kubernetes_version: string | null;
  node_count: number | null;
  capacity_cpu_millicores: number | null;
  capacity_memory_mib: number | null;
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
  description: Generated<string | null>;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** People and automation known to the hub (OIDC users need no row; bindings name them). */
export interface UserTable {
  name: string;
  kind: 'user' | 'service-account';
  created_at: string;
  disabled_at: string | null;
}

/** One role granted to a user or group over a scope (the fleet, environments or clusters). */
export interface RoleBindingTable {
  id: string;
  role: string;
  subject_kind: 'user' | 'group';
  subject_name: string;
  scope_kind: 'fleet' | 'environments' | 'clusters';
  scope_values: string; // JSON array of environment or cluster names; [] for the fleet
  created_at: string;
}

/** Tokens an agent presents once to enrol its cluster. */
export interface JoinTokenTable {
  id: string;
  token_hash: string;
  description: string | null;
  environment: string;
  labels: string; // JSON object
  max_uses: number | null; // null: unlimited until expiry
  uses: number;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
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
  users: UserTable;
  role_bindings: RoleBindingTable;
  join_tokens: JoinTokenTable;
  audit_events: AuditTable;
}
