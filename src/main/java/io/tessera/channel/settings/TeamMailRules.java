package io.tessera.channel.settings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.TeamId;

/** Teams' email rules ({@code team_mail_settings}); a team without a row has the defaults. */
@Repository
public class TeamMailRules {

    private final JdbcClient jdbc;

    TeamMailRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TeamMailSettings of(TeamId team) {
        if (team == null) {
            return TeamMailSettings.defaults(null);
        }
        return jdbc.sql("select support_address, closed_reply_rule, closed_reply_days, new_subject_splits "
                        + "from team_mail_settings where team_id = ?")
                .param(team.value())
                .query((rs, n) -> new TeamMailSettings(team, rs.getString("support_address"),
                        TeamMailSettings.ClosedReplyRule.valueOf(rs.getString("closed_reply_rule")),
                        rs.getInt("closed_reply_days"), rs.getBoolean("new_subject_splits")))
                .optional().orElseGet(() -> TeamMailSettings.defaults(team));
    }

    /** Every configured team's rules in one query (teams without a row are absent: they have the defaults). */
    public java.util.Map<TeamId, TeamMailSettings> all() {
        java.util.Map<TeamId, TeamMailSettings> rules = new java.util.HashMap<>();
        jdbc.sql("select team_id, support_address, closed_reply_rule, closed_reply_days, new_subject_splits from team_mail_settings")
                .query((rs, n) -> new TeamMailSettings(new TeamId(rs.getLong("team_id")), rs.getString("support_address"),
                        TeamMailSettings.ClosedReplyRule.valueOf(rs.getString("closed_reply_rule")),
                        rs.getInt("closed_reply_days"), rs.getBoolean("new_subject_splits")))
                .list().forEach(settings -> rules.put(settings.team(), settings));
        return rules;
    }

    @Transactional
    public void save(TeamMailSettings settings) {
        int updated = jdbc.sql("update team_mail_settings set support_address = ?, closed_reply_rule = ?, closed_reply_days = ?, "
                        + "new_subject_splits = ? where team_id = ?")
                .params(settings.supportAddress(), settings.closedReplyRule().name(), settings.closedReplyDays(),
                        settings.newSubjectSplits(), settings.team().value())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into team_mail_settings (team_id, support_address, closed_reply_rule, closed_reply_days, "
                            + "new_subject_splits) values (?, ?, ?, ?, ?)")
                    .params(settings.team().value(), settings.supportAddress(), settings.closedReplyRule().name(),
                            settings.closedReplyDays(), settings.newSubjectSplits())
                    .update();
        }
    }
}
