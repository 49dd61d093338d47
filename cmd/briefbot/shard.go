package main

import (
	"errors"
	"flag"
	"strconv"
	"strings"

	"briefbot/schedule"
)

// shardFlags are --shard-id and --shard-count: the gateway shards this
// process runs when the bot is split over several processes.
type shardFlags struct {
	ids   string
	count int
}

func addShardFlags(fs *flag.FlagSet) *shardFlags {
	f := &shardFlags{}
	fs.StringVar(&f.ids, "shard-id", "", "the gateway shard `ID` this process runs, from 0, or a range of them (2-3), one session each (with --shard-count)")
	fs.IntVar(&f.count, "shard-count", 0, "`N` gateway shards the bot runs in all; 0 or 1 runs unsharded")
	return f
}

// shards returns the shards to run, or none to run unsharded.
func (f *shardFlags) shards() ([]schedule.Shard, error) {
	if f.count <= 1 && (f.ids == "" || f.ids == "0") {
		return nil, nil
	}
	if f.ids == "" {
		return nil, usageError("--shard-count %d needs --shard-id", f.count)
	}
	first, last, isRange := strings.Cut(f.ids, "-")
	if !isRange {
		last = first
	}
	from, err1 := strconv.Atoi(first)
	to, err2 := strconv.Atoi(last)
	if err := errors.Join(err1, err2); err != nil || from > to {
		return nil, usageError("--shard-id %q: want a shard number or a range such as 2-3", f.ids)
	}
	var shards []schedule.Shard
	for id := from; id <= to; id++ {
		s := schedule.Shard{ID: id, Count: f.count}
		if err := s.Validate(); err != nil {
			return nil, usageError("%v", err)
		}
		shards = append(shards, s)
	}
	return shards, nil
}
