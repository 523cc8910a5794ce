package io.kubeclaw.controllers.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A parsed 5-field cron expression (the syntax {@link io.kubeclaw.api.v1alpha1.schedule.CronSyntax} admits), read
 * the way Kubernetes CronJobs read theirs (robfig/cron's standard parser), and the times it fires in a time zone.
 *
 * <p>Times are wall-clock times in the zone. A wall time that does not exist because clocks spring forward is
 * skipped that day (robfig/cron would fire at the shifted time instead): every firing is then a time the
 * expression names. A wall time that occurs twice because clocks fall back fires once, at its first occurrence.
 */
public final class CronExpression {

    // Feb 29 can be 8 years away (2096 -> 2104); every other satisfiable expression fires within a year.
    private static final int HORIZON_YEARS = 8;

    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private static final Unit MINUTE = new Unit("minute", 0, 59, 59, List.of());
    private static final Unit HOUR = new Unit("hour", 0, 23, 23, List.of());
    private static final Unit DAY_OF_MONTH = new Unit("day-of-month", 1, 31, 31, List.of());
    private static final Unit MONTH = new Unit("month", 1, 12, 12,
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"));
    // 7 may be written for Sunday, but "*" and "N/step" stop at 6 as in robfig/cron.
    private static final Unit DAY_OF_WEEK = new Unit("day-of-week", 0, 6, 7, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"));

    private final String text;
    private final Field minutes;
    private final Field hours;
    private final Field daysOfMonth;
    private final Field months;
    private final Field daysOfWeek;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        this.minutes = MINUTE.parse(fields[0]);
        this.hours = HOUR.parse(fields[1]);
        this.daysOfMonth = DAY_OF_MONTH.parse(fields[2]);
        this.months = MONTH.parse(fields[3]);
        this.daysOfWeek = DAY_OF_WEEK.parse(fields[4]);
    }

    /** Parses five cron fields or a macro such as {@code @daily}; the message of the exception names the bad field and token. */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the schedule is empty: give 5 cron fields (minute hour day-of-month month day-of-week) or a macro such as @daily");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("@")) {
            String fields = MACROS.get(trimmed);
            if (fields == null) {
                throw new IllegalArgumentException("\"" + trimmed + "\" is not a macro: use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly");
            }
            return new CronExpression(text, fields.split(" "));
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month day-of-week), found " + fields.length
                    + " in \"" + trimmed + "\"");
        }
        return new CronExpression(text, fields);
    }

    /** The first firing strictly after {@code after}, or empty if the expression never fires (e.g. {@code 0 0 30 2 *}). */
    public Optional<ZonedDateTime> next(Instant after, ZoneId zone) {
        LocalDateTime time = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime horizon = time.plusYears(HORIZON_YEARS);
        while (time.isBefore(horizon)) {
            LocalDateTime candidate = firstPossibleFrom(time);
            if (candidate.equals(time)) {
                // After a fall-back, the first occurrence of this wall time may lie before "after": already fired.
                Optional<ZonedDateTime> firing = atWallTime(time, zone).filter(t -> t.toInstant().isAfter(after));
                if (firing.isPresent()) {
                    return firing;
                }
                candidate = time.plusMinutes(1);
            }
            time = candidate;
        }
        return Optional.empty();
    }

    /** The firings after {@code after}, in order. */
    public Stream<ZonedDateTime> firings(Instant after, ZoneId zone) {
        return Stream.iterate(next(after, zone), Optional::isPresent, t -> next(t.get().toInstant(), zone)).map(Optional::get);
    }

    /**
     * The last firing in {@code (after, until]}. Probes back from {@code until} in doubling windows, so a gap of
     * years since {@code after} costs a few dozen steps rather than one per firing.
     */
    public Optional<ZonedDateTime> latest(Instant after, Instant until, ZoneId zone) {
        if (!after.isBefore(until)) {
            return Optional.empty();
        }
        for (Duration window = Duration.ofMinutes(1); ; window = window.multipliedBy(2)) {
            Instant from = until.minus(window).isAfter(after) ? until.minus(window) : after;
            Optional<ZonedDateTime> latest = firings(from, zone).takeWhile(t -> !t.toInstant().isAfter(until)).reduce((earlier, later) -> later);
            if (latest.isPresent() || from.equals(after)) {
                return latest;
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /** {@code time} if every field matches it, else the next time that might, skipping whole months, days and hours. */
    private LocalDateTime firstPossibleFrom(LocalDateTime time) {
        int month = months.nextFrom(time.getMonthValue());
        if (month != time.getMonthValue()) {
            return month < 0 ? LocalDate.of(time.getYear() + 1, 1, 1).atStartOfDay() : LocalDate.of(time.getYear(), month, 1).atStartOfDay();
        }
        LocalDate day = time.toLocalDate();
        if (!dayMatches(day)) {
            return day.plusDays(1).atStartOfDay();
        }
        int hour = hours.nextFrom(time.getHour());
        if (hour != time.getHour()) {
            return hour < 0 ? day.plusDays(1).atStartOfDay() : day.atTime(hour, 0);
        }
        int minute = minutes.nextFrom(time.getMinute());
        if (minute != time.getMinute()) {
            return minute < 0 ? time.truncatedTo(ChronoUnit.HOURS).plusHours(1) : time.withMinute(minute);
        }
        return time;
    }

    /** As in cron: when both day fields are restricted a day matches either, otherwise it must match both. */
    private boolean dayMatches(LocalDate day) {
        boolean dayOfMonth = daysOfMonth.has(day.getDayOfMonth());
        boolean dayOfWeek = daysOfWeek.has(day.getDayOfWeek().getValue() % 7);
        return daysOfMonth.unrestricted() || daysOfWeek.unrestricted() ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }

    /** The instant of a wall time: none in a spring-forward gap, the earlier of two in a fall-back overlap. */
    private static Optional<ZonedDateTime> atWallTime(LocalDateTime time, ZoneId zone) {
        if (zone.getRules().getValidOffsets(time).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.ofLocal(time, zone, null));
    }

    /**
     * The values one field allows, as bits. {@code unrestricted} marks a field with a bare {@code *} item, which
     * robfig/cron (so Kubernetes) treats as "any" for the day-of-month/day-of-week rule; a star with a step above 1
     * counts as a restriction there.
     */
    private record Field(long bits, boolean unrestricted) {

        boolean has(int value) {
            return (bits & (1L << value)) != 0;
        }

        /** The smallest allowed value at or above {@code from}, or -1. */
        int nextFrom(int from) {
            long atOrAbove = bits & (-1L << from);
            return atOrAbove == 0 ? -1 : Long.numberOfTrailingZeros(atOrAbove);
        }
    }

    /**
     * One of the five fields: {@code *} and open-ended steps cover {@code min..max}; written values may go up to
     * {@code highest}; {@code names[i]} stands for {@code min + i}.
     */
    private record Unit(String name, int min, int max, int highest, List<String> names) {

        Field parse(String field) {
            long bits = 0;
            boolean unrestricted = false;
            for (String item : field.split(",", -1)) {
                bits |= bitsOf(item);
                unrestricted |= item.equals("*") || item.equals("*/1");
            }
            if (highest > max && (bits & (1L << highest)) != 0) {
                // Day-of-week 7 is Sunday.
                bits = (bits & ~(1L << highest)) | (1L << min);
            }
            return new Field(bits, unrestricted);
        }

        private long bitsOf(String item) {
            if (item.isEmpty()) {
                throw invalid(item, "is an empty list item");
            }
            String[] rangeAndStep = item.split("/", -1);
            if (rangeAndStep.length > 2) {
                throw invalid(item, "has more than one \"/\"");
            }
            String range = rangeAndStep[0];
            int step = rangeAndStep.length == 2 ? step(item, rangeAndStep[1]) : 1;
            int first;
            int last;
            if (range.equals("*")) {
                first = min;
                last = max;
            } else {
                String[] ends = range.split("-", -1);
                if (ends.length > 2) {
                    throw invalid(item, "has more than one \"-\"");
                }
                first = value(ends[0]);
                // "N/step" means N to the end of the field, every step.
                last = ends.length == 2 ? value(ends[1]) : rangeAndStep.length == 2 ? max : first;
                if (first > last) {
                    throw invalid(item, "runs backwards: write the smaller value first");
                }
            }
            long bits = 0;
            for (int value = first; value <= last; value += step) {
                bits |= 1L << value;
            }
            return bits;
        }

        private int value(String token) {
            int named = names.indexOf(token.toLowerCase(Locale.ROOT));
            if (named >= 0) {
                return min + named;
            }
            if (!token.matches("[0-9]{1,9}")) {
                throw invalid(token, names.isEmpty() ? "is not a number" : "is not a number or a name such as " + names.getFirst());
            }
            int value = Integer.parseInt(token);
            if (value < min || value > highest) {
                throw invalid(token, "is outside " + min + "-" + highest);
            }
            return value;
        }

        private int step(String item, String token) {
            if (!token.matches("[0-9]{1,9}") || Integer.parseInt(token) == 0) {
                throw invalid(item, "has step \"" + token + "\": a step is a whole number of at least 1");
            }
            return Integer.parseInt(token);
        }

        private IllegalArgumentException invalid(String token, String problem) {
            return new IllegalArgumentException(name + " field: \"" + token + "\" " + problem);
        }
    }
}
