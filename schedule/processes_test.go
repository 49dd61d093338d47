package schedule_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefbot/bot"
	"briefbot/bot/discordtest"
	"briefbot/bot/gateway"
	"briefbot/bot/respond"
	"briefbot/knowledge"
	"briefbot/schedule"
	"briefbot/store"
	"briefbot/store/postgres"
	"briefbot/store/postgres/pgtest"
)

// The environment of a scheduler process started by
// TestProcessesPostEachBriefingOnce.
const (
	envDatabase = "BRIEFBOT_CHILD_DATABASE"
	envDiscord  = "BRIEFBOT_CHILD_DISCORD"
	envToken    = "BRIEFBOT_CHILD_TOKEN"
	envShard    = "BRIEFBOT_CHILD_SHARD" // "id/count"
)

// childLease is short, so that the restarted process takes over the run a
// killed one held within the test's time.
const childLease = 2 * time.Second

// TestSchedulerProcess is not a test: it is the body of a child process,
// a scheduler posting through the REST client to the parent's fake
// Discord, until it is killed or interrupted.
func TestSchedulerProcess(t *testing.T) {
	if os.Getenv(envDatabase) == "" {
		t.Skip("runs only as a child of TestProcessesPostEachBriefingOnce")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	// Never outlive a parent that died without killing its children.
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	st, err := postgres.Open(ctx, os.Getenv(envDatabase))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var shard schedule.Shard
	if _, err := fmt.Sscanf(os.Getenv(envShard), "%d/%d", &shard.ID, &shard.Count); err != nil {
		t.Fatal(err)
	}
	gw, err := gateway.New(gateway.Config{
		Handling: respond.Handling{Dispatch: bot.Router(nil), Knowledge: func() *knowledge.Base { return nil }},
		Token:    os.Getenv(envToken), Client: discordtest.RemoteClient(os.Getenv(envDiscord)),
	})
	if err != nil {
		t.Fatal(err)
	}
	sched := schedule.New(schedule.Config{Store: st, Poster: gateway.BriefingPoster{Gateway: gw}, Compose: compose,
		Shards: []schedule.Shard{shard}, Lease: childLease, Poll: 200 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err := sched.Run(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestProcessesPostEachBriefingOnce runs three scheduler processes on one
// PostgreSQL database and one fake Discord: shard 0, shard 1 and a second,
// misconfigured shard 1. Shard 0's process is killed (SIGKILL) as soon as
// it has posted, and started again. Every briefing is then posted once:
// one message per briefing, each sent by a process of its shard, and a
// second request only for a run the killed process may have had in
// flight (Discord keeps one message per nonce).
func TestProcessesPostEachBriefingOnce(t *testing.T) {
	url := pgtest.URL(t)
	if testing.Short() {
		t.Skip("starts processes")
	}
	ctx := context.Background()
	admin, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	fake := discordtest.New(t)

	const shards, perShard = 2, 30
	now := time.Now().UTC()
	due := now.Add(-time.Minute).Truncate(time.Minute)
	shardOf := map[string]int{} // nonce -> shard
	for shard := range shards {
		for n := range perShard {
			sub, err := admin.AddSubscription(ctx, store.Subscription{GuildID: guildOnShard(n, shard, shards),
				ChannelID: strconv.Itoa(300000000000000000 + shard*1000 + n), Time: due.Format("15:04"),
				Timezone: "UTC", CreatedAt: due.Add(-time.Minute)})
			if err != nil {
				t.Fatal(err)
			}
			shardOf[schedule.Nonce(sub.ID, due.Format(time.DateOnly))] = shard
		}
	}

	start := func(token string, shard int) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSchedulerProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), envDatabase+"="+url, envDiscord+"="+fake.URL, envToken+"="+token,
			fmt.Sprintf("%s=%d/%d", envShard, shard, shards))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		return cmd
	}
	killed := start("p0", 0)
	start("p1", 1)
	start("p1-twin", 1)

	fake.WaitRequest(t, 20*time.Second, func(r discordtest.Request) bool { return r.Authorization == "Bot p0" })
	if err := killed.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = killed.Wait()
	start("p0-restarted", 0)

	// Every briefing has its message, within a few leases.
	deadline := time.Now().Add(30 * time.Second)
	for len(fake.Messages()) < len(shardOf) && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}

	sent := map[string][]string{} // nonce -> tokens of the successful requests
	for _, r := range fake.Requests() {
		if r.Method != "POST" || !strings.Contains(r.Path, "/channels/") || r.Status >= 300 {
			continue
		}
		var m struct{ Nonce string }
		if err := json.Unmarshal(r.Body, &m); err != nil {
			t.Fatal(err)
		}
		sent[m.Nonce] = append(sent[m.Nonce], strings.TrimPrefix(r.Authorization, "Bot "))
	}
	if n := len(fake.Messages()); n != len(shardOf) {
		t.Errorf("%d messages, want one for each of %d briefings", n, len(shardOf))
	}
	twice := 0
	for nonce, shard := range shardOf {
		by := sent[nonce]
		if len(by) == 0 {
			t.Errorf("briefing %s never posted", nonce)
			continue
		}
		for _, token := range by {
			if !strings.HasPrefix(token, fmt.Sprintf("p%d", shard)) {
				t.Errorf("briefing %s of shard %d posted by %s", nonce, shard, token)
			}
		}
		if len(by) > 1 {
			twice++
			if len(by) > 2 || by[0] != "p0" || by[1] != "p0-restarted" {
				t.Errorf("briefing %s sent by %v: only one the killed process had in flight may be sent again", nonce, by)
			}
		}
	}
	if twice > 1 {
		t.Errorf("%d briefings sent twice; at most the one in flight at the kill may be", twice)
	}
	perProcess := map[string]int{}
	for _, by := range sent {
		for _, token := range by {
			perProcess[token]++
		}
	}
	t.Logf("%d briefings, %d messages; sent again after the kill: %d; requests by process: %v",
		len(shardOf), len(fake.Messages()), twice, perProcess)
}
