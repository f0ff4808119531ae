package io.tessera.channel.web;

import java.util.Locale;

import io.tessera.channel.InvalidEmailSetting;
import io.tessera.channel.settings.TeamMailSettings;
import io.tessera.channel.settings.TeamMailSettings.ClosedReplyRule;
import io.tessera.shared.TeamId;

/** A team's mail rules as typed; days as text so that "7x" comes back with a message. */
record TeamMailForm(String supportAddress, String closedReplyRule, String closedReplyDays, Boolean newSubjectSplits) {

    static TeamMailForm of(TeamMailSettings settings) {
        return new TeamMailForm(settings.supportAddress() == null ? "" : settings.supportAddress(),
                settings.closedReplyRule().name(), Integer.toString(settings.closedReplyDays()), settings.newSubjectSplits());
    }

    public boolean splitsOnNewSubject() {
        return Boolean.TRUE.equals(newSubjectSplits);
    }

    TeamMailSettings toSettings(TeamId team, int keptDays) {
        ClosedReplyRule rule;
        try {
            rule = ClosedReplyRule.valueOf(closedReplyRule == null ? "" : closedReplyRule.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidEmailSetting("closedReplyRule", "Choose what a reply to a closed ticket does.");
        }
        String days = closedReplyDays == null ? "" : closedReplyDays.strip();
        int parsedDays;
        if (days.matches("\\d{1,4}")) {
            parsedDays = Integer.parseInt(days);
        } else if (rule == ClosedReplyRule.FOLLOW_UP_AFTER_DAYS) {
            throw new InvalidEmailSetting("closedReplyDays", "Give the number of days, from 1 to 3650.");
        } else {
            parsedDays = keptDays; // only used by the days rule: keep what was stored
        }
        return new TeamMailSettings(team, supportAddress, rule, parsedDays, splitsOnNewSubject());
    }
}
