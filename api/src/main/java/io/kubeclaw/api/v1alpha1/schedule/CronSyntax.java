package io.kubeclaw.api.v1alpha1.schedule;

/**
 * The cron syntax ClawSchedule accepts, as one RE2 expression the apiserver checks in CEL: five fields of
 * {@code *}, values, ranges, steps and lists (month and weekday names too), or a macro such as {@code @daily}.
 */
public final class CronSyntax {

    // No backslashes and no single quotes: the expression is embedded verbatim in a CEL string literal.
    private static final String MINUTE = "[0-5]?[0-9]";
    private static final String HOUR = "(2[0-3]|[01]?[0-9])";
    private static final String DAY_OF_MONTH = "(3[01]|[12][0-9]|0?[1-9])";
    private static final String MONTH = "(1[0-2]|0?[1-9]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))";
    private static final String DAY_OF_WEEK = "([0-7]|(?i:sun|mon|tue|wed|thu|fri|sat))";
    private static final String STEP = "(/[0-9]+)?";

    // Each field is a comma-separated list of "*" or "value[-value]", each optionally with a "/step".
    private static final String MINUTE_ITEM = "([*]|" + MINUTE + "(-" + MINUTE + ")?)" + STEP;
    private static final String HOUR_ITEM = "([*]|" + HOUR + "(-" + HOUR + ")?)" + STEP;
    private static final String DAY_OF_MONTH_ITEM = "([*]|" + DAY_OF_MONTH + "(-" + DAY_OF_MONTH + ")?)" + STEP;
    private static final String MONTH_ITEM = "([*]|" + MONTH + "(-" + MONTH + ")?)" + STEP;
    private static final String DAY_OF_WEEK_ITEM = "([*]|" + DAY_OF_WEEK + "(-" + DAY_OF_WEEK + ")?)" + STEP;

    private static final String FIELDS = MINUTE_ITEM + "(," + MINUTE_ITEM + ")*"
            + " +" + HOUR_ITEM + "(," + HOUR_ITEM + ")*"
            + " +" + DAY_OF_MONTH_ITEM + "(," + DAY_OF_MONTH_ITEM + ")*"
            + " +" + MONTH_ITEM + "(," + MONTH_ITEM + ")*"
            + " +" + DAY_OF_WEEK_ITEM + "(," + DAY_OF_WEEK_ITEM + ")*";

    private static final String MACRO = "@(yearly|annually|monthly|weekly|daily|midnight|hourly)";

    /** The whole expression, anchored; Java's and RE2's syntax agree on it. */
    public static final String PATTERN = "^(" + MACRO + "|" + FIELDS + ")$";

    /** The CEL rule on the schedule field. */
    public static final String CEL_RULE = "self.matches('" + PATTERN + "')";

    /** Bounds the CEL cost of matching, which grows with the string's length. */
    public static final int MAX_LENGTH = 128;

    private CronSyntax() {
    }
}
