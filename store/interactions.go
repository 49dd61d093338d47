package store

import (
	"context"
	"time"
)

// InteractionMemory is how long a handled interaction is remembered: far
// longer than Discord's 15-minute interaction tokens, after which no copy
// can arrive. Older ones are forgotten as new ones are claimed.
const InteractionMemory = 24 * time.Hour

// Interactions makes side-effecting commands idempotent on Discord's
// interaction id: Discord may deliver one twice, and behind a load
// balancer two replicas may each get a copy.
type Interactions interface {
	// ClaimInteraction records id; it returns false when id was recorded
	// before, by this process or another, and then the caller must not act.
	// It forgets interactions older than InteractionMemory.
	ClaimInteraction(ctx context.Context, id string, now time.Time) (bool, error)
	// FinishInteraction stores the answer of a claimed interaction.
	FinishInteraction(ctx context.Context, id, result string) error
	// InteractionResult returns the stored answer of id, and whether its
	// claimer has finished.
	InteractionResult(ctx context.Context, id string) (result string, done bool, err error)
}
