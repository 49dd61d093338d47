package main

import (
	"flag"

	"briefbot/bot/schedule"
)

// addShardFlags registers --shard-id and --shard-count: the gateway shard
// this process runs when the bot is split over several processes.
func addShardFlags(fs *flag.FlagSet) *schedule.Shard {
	s := &schedule.Shard{}
	fs.IntVar(&s.ID, "shard-id", 0, "the gateway shard this process runs, from 0 (with --shard-count)")
	fs.IntVar(&s.Count, "shard-count", 0, "how many gateway shards the bot runs in all; 0 or 1 runs unsharded")
	return s
}
