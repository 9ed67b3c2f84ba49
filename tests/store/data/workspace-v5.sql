-- SPDX-License-Identifier: GPL-3.0-or-later
-- A workspace of schema version 5 (the last before runs kept their
-- journeys) as Waymark wrote it: version 3's content plus the journey
-- tables of migration 3 -> 4, with one journey grouping the old flow, and
-- the runs' origin column of migration 4 -> 5. Made with:
--   sqlite3 workspace-v5.db < workspace-v5.sql
PRAGMA application_id = 1465470283;
BEGIN;
CREATE TABLE flows (  id            TEXT PRIMARY KEY NOT NULL,  name          TEXT NOT NULL DEFAULT '',  header        TEXT NOT NULL,  latest_number INTEGER NOT NULL,  latest_status TEXT NOT NULL,  entry_type    TEXT,  next_due      INTEGER,  created_at    INTEGER NOT NULL,  changed_at    INTEGER NOT NULL);CREATE INDEX flows_by_name ON flows (name COLLATE NOCASE, id);CREATE INDEX flows_by_due ON flows (next_due) WHERE next_due IS NOT NULL;CREATE TABLE versions (  flow_id  TEXT NOT NULL REFERENCES flows (id) ON DELETE CASCADE,  number   INTEGER NOT NULL,  status   TEXT NOT NULL,  document TEXT NOT NULL,  PRIMARY KEY (flow_id, number)) WITHOUT ROWID;CREATE TABLE milestones (  id          TEXT PRIMARY KEY NOT NULL,  name        TEXT NOT NULL,  name_key    TEXT NOT NULL UNIQUE,  description TEXT NOT NULL DEFAULT '');CREATE TABLE outcomes (  id          TEXT PRIMARY KEY NOT NULL,  name        TEXT NOT NULL,  name_key    TEXT NOT NULL UNIQUE,  description TEXT NOT NULL DEFAULT '');CREATE TABLE templates (  id          TEXT PRIMARY KEY NOT NULL,  name        TEXT NOT NULL,  description TEXT NOT NULL DEFAULT '',  document    TEXT NOT NULL,  created_at  INTEGER NOT NULL);
INSERT INTO flows VALUES ('old-flow', 'Old flow', '{
  "format": "waymark.flow",
  "format_version": 1,
  "id": "old-flow",
  "name": "Old flow",
  "timezone": "UTC",
  "schedule": {
    "start": null,
    "end": null,
    "indefinite": true
  }
}
', 1, 'active', 'entry.event', NULL, 1764547200, 1764633600);
INSERT INTO versions VALUES ('old-flow', 1, 'active', '{
  "number": 1,
  "status": "active",
  "created_at": "2025-12-01T00:00:00Z",
  "launched_at": "2025-12-02T00:00:00Z",
  "elements": [
    {
      "id": "start",
      "type": "entry.event",
      "name": "Signed up",
      "position": [0, 0],
      "config": {
        "event": "SignedUp"
      }
    },
    {
      "id": "mark",
      "type": "milestone",
      "position": [240, 0],
      "config": {
        "milestone": "old-milestone"
      }
    },
    {
      "id": "mark-out",
      "type": "exit",
      "position": [480, 0]
    }
  ],
  "connections": [
    {
      "from": "start",
      "port": "out",
      "to": "mark"
    },
    {
      "from": "mark",
      "port": "out",
      "to": "mark-out"
    }
  ]
}
');
INSERT INTO flows VALUES ('draft-flow', 'Draft flow', '{
  "format": "waymark.flow",
  "format_version": 1,
  "id": "draft-flow",
  "name": "Draft flow",
  "timezone": "UTC",
  "schedule": {
    "start": null,
    "end": null,
    "indefinite": true
  }
}
', 1, 'draft', 'entry.event', NULL, 1764547200, 1764547200);
INSERT INTO versions VALUES ('draft-flow', 1, 'draft', '{
  "number": 1,
  "status": "draft",
  "created_at": "2025-12-01T00:00:00Z",
  "elements": [
    {
      "id": "start",
      "type": "entry.event",
      "name": "Signed up",
      "position": [0, 0],
      "config": {
        "event": "SignedUp"
      }
    },
    {
      "id": "mark",
      "type": "milestone",
      "position": [240, 0],
      "config": {
        "milestone": "old-milestone"
      }
    },
    {
      "id": "mark-out",
      "type": "exit",
      "position": [480, 0]
    }
  ],
  "connections": [
    {
      "from": "start",
      "port": "out",
      "to": "mark"
    },
    {
      "from": "mark",
      "port": "out",
      "to": "mark-out"
    }
  ]
}
');
INSERT INTO milestones VALUES ('old-milestone', 'Old milestone', 'old milestone', 'Used by an active version');
INSERT INTO milestones VALUES ('unused', 'Unused', 'unused', '');
INSERT INTO outcomes VALUES ('old-outcome', 'Old outcome', 'old outcome', '');
CREATE TABLE version_milestones (  flow_id      TEXT NOT NULL,  number       INTEGER NOT NULL,  milestone_id TEXT NOT NULL,  PRIMARY KEY (flow_id, number, milestone_id),  FOREIGN KEY (flow_id, number) REFERENCES versions (flow_id, number) ON DELETE CASCADE) WITHOUT ROWID;CREATE INDEX version_milestones_by_milestone ON version_milestones (milestone_id);
INSERT INTO version_milestones VALUES ('draft-flow', 1, 'old-milestone');
INSERT INTO version_milestones VALUES ('old-flow', 1, 'old-milestone');
CREATE TABLE runs (  id             INTEGER PRIMARY KEY,  name           TEXT NOT NULL,  profiles_path  TEXT NOT NULL,  profiles_size  INTEGER NOT NULL,  profiles_mtime INTEGER NOT NULL,  window_start   INTEGER NOT NULL,  window_end     INTEGER NOT NULL,  seed           TEXT NOT NULL,  params         TEXT NOT NULL,  report         TEXT NOT NULL,  ran_at         INTEGER NOT NULL,  duration_ms    INTEGER NOT NULL);CREATE INDEX runs_by_time ON runs (ran_at, id);CREATE TABLE run_flows (  run_id   INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,  position INTEGER NOT NULL,  flow_id  TEXT NOT NULL,  number   INTEGER NOT NULL,  hash     TEXT NOT NULL,  tried    INTEGER NOT NULL,  document TEXT NOT NULL,  PRIMARY KEY (run_id, position)) WITHOUT ROWID;
INSERT INTO runs VALUES (1, 'Old run', '/nonexistent/profiles.jsonl', 12, 1764547200, 1764547200, 1767225600, '7', '{}', '{"format":"waymark.report","format_version":1,"run":{"start":"2025-12-01T00:00:00Z","end":"2026-01-01T00:00:00Z","seed":7,"profiles":1,"events":0,"rejected_lines":0},"flows":{}}', 1764633600, 15);
INSERT INTO run_flows VALUES (1, 0, 'old-flow', 1, 'not-the-hash-of-anything', 0, '{}');
CREATE TABLE journeys (  id         TEXT PRIMARY KEY NOT NULL,  name       TEXT NOT NULL DEFAULT '',  document   TEXT NOT NULL,  created_at INTEGER NOT NULL,  changed_at INTEGER NOT NULL);CREATE INDEX journeys_by_name ON journeys (name COLLATE NOCASE, id);CREATE TABLE journey_stages (  journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,  position   INTEGER NOT NULL,  stage_id   TEXT NOT NULL,  name       TEXT NOT NULL DEFAULT '',  PRIMARY KEY (journey_id, position)) WITHOUT ROWID;CREATE TABLE stage_flows (  journey_id TEXT NOT NULL,  position   INTEGER NOT NULL,  flow_id    TEXT NOT NULL,  PRIMARY KEY (journey_id, position, flow_id),  FOREIGN KEY (journey_id, position) REFERENCES journey_stages (journey_id, position) ON DELETE CASCADE) WITHOUT ROWID;CREATE INDEX stage_flows_by_flow ON stage_flows (flow_id);
INSERT INTO journeys VALUES ('old-journey', 'Old journey', '{
  "format": "waymark.journey",
  "format_version": 1,
  "id": "old-journey",
  "name": "Old journey",
  "description": "",
  "begins": {
    "event": "SignedUp",
    "where": ""
  },
  "stages": [
    {
      "id": "signed-up",
      "name": "Signed up",
      "description": "",
      "begins": {
        "when": "journey",
        "after": []
      },
      "entry": "",
      "completes": "steps",
      "steps": [],
      "flows": [
        "old-flow"
      ],
      "duration": "7d"
    }
  ]
}
', 1764547200, 1764633600);
INSERT INTO journey_stages VALUES ('old-journey', 0, 'signed-up', 'Signed up');
INSERT INTO stage_flows VALUES ('old-journey', 0, 'old-flow');
ALTER TABLE runs ADD COLUMN origin TEXT;
PRAGMA user_version = 5;
COMMIT;
PRAGMA journal_mode = WAL;
