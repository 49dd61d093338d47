package respond

import (
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"briefbot/bot"
)

// Outcomes of one interaction, as counted by briefbot_commands_total.
const (
	outcomeAnswered    = "answered"     // answered within the acknowledgement window
	outcomeDeferred    = "deferred"     // acknowledged, then answered by an edit
	outcomeRateLimited = "rate_limited" // refused with the rate-limit message
	outcomeBusy        = "busy"         // refused beyond capacity
	outcomeFailed      = "failed"       // the answer could not be delivered
)

// Metrics are the Prometheus series the transports update. Each Metrics has
// its own registry, so several servers (or tests) never collide.
type Metrics struct {
	// commandNames are the command labels in use, bounded by
	// maxCommandLabels.
	namesMu      sync.Mutex
	commandNames map[string]bool

	registry   *prometheus.Registry
	commands   *prometheus.CounterVec
	errors     *prometheus.CounterVec
	reconnects prometheus.Counter
	latency    *prometheus.HistogramVec
	running    prometheus.Gauge
	waiting    prometheus.Gauge
}

// NewMetrics registers briefbot's series, plus the Go runtime and process
// collectors, in a fresh registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		commandNames: map[string]bool{},
		registry:     prometheus.NewRegistry(),
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_commands_total",
			Help: "Interactions served, by command and outcome (answered, deferred, rate_limited, busy, failed).",
		}, []string{"command", "outcome"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_errors_total",
			Help: "Errors, by where they happened.",
		}, []string{"kind"}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "briefbot_gateway_reconnects_total",
			Help: "Gateway connections re-established after a disconnect.",
		}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "briefbot_command_duration_seconds",
			Help:    "Time a command handler took to answer.",
			Buckets: []float64{.001, .005, .025, .1, .25, .5, 1, 2, 3, 5, 15, 60},
		}, []string{"command"}),
	}
	m.running = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "briefbot_handlers_running",
		Help: "Command handlers running now.",
	})
	m.waiting = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "briefbot_handlers_waiting",
		Help: "Interactions waiting for a handler to be free.",
	})
	m.registry.MustRegister(m.commands, m.errors, m.reconnects, m.latency, m.running, m.waiting,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the series in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// maxCommandLabels bounds the command names kept apart in the series:
// Discord registers at most 100 slash commands and 10 context-menu ones.
// A name beyond (which no registration made: a forged or stale request)
// is counted as otherCommand, so that no sender can grow /metrics.
const (
	maxCommandLabels = 110
	otherCommand     = "other"
)

// knowCommands reserves labels for the commands served, so that they are
// never folded, however many strange names come first.
func (m *Metrics) KnowCommands(cmds []bot.Command) {
	m.namesMu.Lock()
	defer m.namesMu.Unlock()
	for _, c := range cmds {
		m.commandNames[c.Spec.Name] = true
	}
}

// commandLabel is the label of command: its name while labels remain.
func (m *Metrics) commandLabel(command string) string {
	m.namesMu.Lock()
	defer m.namesMu.Unlock()
	if m.commandNames[command] {
		return command
	}
	if len(m.commandNames) >= maxCommandLabels {
		return otherCommand
	}
	m.commandNames[command] = true
	return command
}

func (m *Metrics) served(command, outcome string) {
	m.commands.WithLabelValues(m.commandLabel(command), outcome).Inc()
}

func (m *Metrics) Failed(kind string) { m.errors.WithLabelValues(kind).Inc() }

func (m *Metrics) Reconnected() { m.reconnects.Inc() }

func (m *Metrics) observe(command string, took time.Duration) {
	m.latency.WithLabelValues(m.commandLabel(command)).Observe(took.Seconds())
}
