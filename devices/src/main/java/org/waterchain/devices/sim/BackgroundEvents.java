package org.waterchain.devices.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.waterchain.ledger.record.Quantity;

/**
 * The simulator's own pollution events, a Poisson process over the whole network. Most come from factories and
 * carry one of their registered pollutants (so tracing has a true culprit to find); the rest appear at a station.
 * Only quantities some station downstream measures are chosen: an event nobody could see makes a dull demo.
 */
final class BackgroundEvents {
    private static final long MINUTE = 60_000;
    private static final double FACTORY_SHARE = 0.6;

    /** A possible origin: where, which quantity, and who is to blame. */
    private record Candidate(EventSite site, Quantity quantity, String sourceId) {}

    private final SplittableRandom random;
    private final double meanGapMs;
    private final List<Candidate> fromFactories = new ArrayList<>();
    private final List<Candidate> fromStations = new ArrayList<>();
    private long nextStartMs;

    BackgroundEvents(StationNetwork network, SplittableRandom random, double eventsPerDay, long startMs) {
        this.random = random;
        this.meanGapMs = eventsPerDay > 0 ? 86_400_000.0 / eventsPerDay : Double.POSITIVE_INFINITY;
        for (FactoryOutlet f : network.factories()) {
            List<String> reach = new ArrayList<>(network.downstreamNodes(f.dischargeNode()));
            reach.add(f.dischargeNode());
            for (String symbol : f.pollutants()) {
                Optional<Quantity> q = Quantity.bySymbol(symbol);
                if (q.isPresent() && QuantityModel.of(q.get()).eventMagnitude() != 0
                        && reach.stream().anyMatch(n -> network.station(n).map(s -> s.measures(q.get())).orElse(false))) {
                    fromFactories.add(new Candidate(EventSite.atNode(f.dischargeNode()), q.get(), f.id()));
                }
            }
        }
        for (StationSpec s : network.stations()) {
            for (Quantity q : s.quantities()) {
                if (QuantityModel.of(q).eventMagnitude() != 0) {
                    fromStations.add(new Candidate(EventSite.atNode(s.id()), q, s.id()));
                }
            }
        }
        boolean any = !fromFactories.isEmpty() || !fromStations.isEmpty();
        this.nextStartMs = any && !Double.isInfinite(meanGapMs) ? startMs + gap() : Long.MAX_VALUE;
    }

    /** Exponential gaps, in whole seconds so event times read cleanly in lists and logs. */
    private long gap() {
        return 1000 * (long) Math.ceil(-meanGapMs / 1000 * Math.log(1 - random.nextDouble()));
    }

    /** Draws every event starting at or before {@code timeMs}, in start order, and hands it to {@code inject}. */
    void generateUntil(long timeMs, IdSource ids, Consumer<PollutionEvent> inject) {
        while (nextStartMs <= timeMs) {
            boolean factory = !fromFactories.isEmpty() && (fromStations.isEmpty() || random.nextDouble() < FACTORY_SHARE);
            List<Candidate> pool = factory ? fromFactories : fromStations;
            Candidate c = pool.get(random.nextInt(pool.size()));
            double typical = QuantityModel.of(c.quantity()).eventMagnitude();
            // pH discharges go either way (acid pickling, alkaline cleaning); the others have one natural sign.
            double sign = c.quantity() == Quantity.PH && random.nextBoolean() ? -1 : 1;
            double magnitude = sign * typical * Math.exp(0.4 * random.nextGaussian());
            long duration = (15 + random.nextInt(106)) * MINUTE;
            inject.accept(new PollutionEvent(ids.next(), c.site(), c.quantity(), nextStartMs, duration, magnitude,
                    c.sourceId(), true));
            nextStartMs += gap();
        }
    }

    /** Hands out event ids, shared between injected and background events so ids follow creation order. */
    interface IdSource {
        String next();
    }
}
