-- Side-effecting commands done, by Discord interaction id, so that an
-- interaction delivered twice (a retry, two replicas behind a load
-- balancer) changes state once and gets the first answer again.
CREATE TABLE interactions (
    interaction_id TEXT    PRIMARY KEY,
    result         TEXT    NOT NULL DEFAULT '',
    done           INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
);
