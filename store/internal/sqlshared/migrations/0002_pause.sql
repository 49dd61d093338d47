-- A subscription whose channel was deleted, or where the bot lost its
-- permission, is paused with the reason shown in /subscriptions.
ALTER TABLE subscriptions ADD COLUMN paused_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE subscriptions ADD COLUMN paused_at INTEGER;
