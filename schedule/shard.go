package schedule

import (
	"fmt"
	"strconv"
)

// Shard is one of Count gateway shards: Discord sends a guild's events to
// shard (guild_id >> 22) % Count, and the process holding that shard also
// posts the guild's briefings. The zero Shard is the whole bot, unsharded.
type Shard struct {
	ID, Count int
}

// Validate reports a shard Discord would refuse.
func (s Shard) Validate() error {
	if s.Count < 0 || s.ID < 0 || (s.Count > 0 && s.ID >= s.Count) || (s.Count == 0 && s.ID != 0) {
		return fmt.Errorf("shard %d of %d: want 0 <= shard id < shard count", s.ID, s.Count)
	}
	return nil
}

// Sharded reports whether the bot runs more than one shard.
func (s Shard) Sharded() bool { return s.Count > 1 }

// Owns reports whether guildID belongs to this shard. Unsharded, every
// guild does; a guild id that is not a snowflake belongs to shard 0, as
// Discord sends direct messages there.
func (s Shard) Owns(guildID string) bool {
	if !s.Sharded() {
		return true
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return s.ID == 0
	}
	return int((id>>22)%uint64(s.Count)) == s.ID
}
