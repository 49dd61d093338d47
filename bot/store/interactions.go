package store

import (
	"context"
	"time"
)

// Interactions is the part of Store that makes side-effecting commands
// idempotent on Discord's interaction id: Discord may deliver one twice, and
// behind a load balancer two replicas may each get a copy.
type Interactions interface {
	// ClaimInteraction records id; it returns false when id was recorded
	// before, by this process or another, and then the caller must not act.
	ClaimInteraction(ctx context.Context, id string, now time.Time) (bool, error)
	// FinishInteraction stores the answer of a claimed interaction.
	FinishInteraction(ctx context.Context, id, result string) error
	// InteractionResult returns the stored answer of id, and whether its
	// claimer has finished.
	InteractionResult(ctx context.Context, id string) (result string, done bool, err error)
}
