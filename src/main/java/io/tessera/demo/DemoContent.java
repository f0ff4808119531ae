package io.tessera.demo;

import java.util.List;

/** The words of the demo: believable teams, people, companies and support conversations. */
final class DemoContent {

    private DemoContent() {
    }

    record TeamSpec(String name, String description) { }

    record AgentSpec(String name, String email, String role, List<Integer> teams) { }

    record OrgSpec(String name, String domain, String tier) { }

    record Conversation(String subject, String team, String question, String reply, String note, String followUp,
                        String closing) { }

    static final List<TeamSpec> TEAMS = List.of(
            new TeamSpec("Customer Support", "First line: questions, how-tos and account help"),
            new TeamSpec("Billing", "Invoices, refunds, plan changes and payment problems"),
            new TeamSpec("Technical", "Bugs, outages, integrations and anything that needs an engineer"));

    static final List<AgentSpec> AGENTS = List.of(
            new AgentSpec("Maya Lindqvist", "maya@tessera.localhost", "SUPERVISOR", List.of(0, 1, 2)),
            new AgentSpec("Tomás Ribeiro", "tomas@tessera.localhost", "AGENT", List.of(0)),
            new AgentSpec("Aisha Bello", "aisha@tessera.localhost", "AGENT", List.of(0, 1)),
            new AgentSpec("Kenji Watanabe", "kenji@tessera.localhost", "AGENT", List.of(2)),
            new AgentSpec("Priya Nair", "priya@tessera.localhost", "AGENT", List.of(1, 2)));

    static final List<OrgSpec> ORGANIZATIONS = List.of(
            new OrgSpec("Northwind Traders", "northwind.example", "enterprise"),
            new OrgSpec("Contoso Pharma", "contoso.example", "business"),
            new OrgSpec("Fabrikam Studios", "fabrikam.example", "business"),
            new OrgSpec("Blue Yonder Airlines", "blueyonder.example", "standard"));

    static final List<String> FIRST_NAMES = List.of("Olivia", "Liam", "Emma", "Noah", "Sofia", "Lucas", "Chloe",
            "Mateo", "Hannah", "Elias", "Zoe", "Omar", "Lea", "Jonas", "Ines", "Ravi", "Freya", "Diego", "Mila",
            "Samuel", "Nora", "Felix", "Amira", "Hugo", "Clara", "Arjun", "Yara", "Leon", "Ida", "Marco");

    static final List<String> LAST_NAMES = List.of("Hansen", "Moreau", "Kowalski", "Okafor", "Jensen", "Rossi",
            "Fischer", "Silva", "Novak", "Tanaka", "Dubois", "Haddad", "Larsen", "Costa", "Meyer");

    static final List<Conversation> CONVERSATIONS = List.of(
            new Conversation("Cannot log in after password reset", "Customer Support",
                    "Hi, I reset my password this morning but the new one is rejected on the sign-in page. I tried twice in a private window too.",
                    "Thanks for writing in. I have cleared the failed attempts on your account; could you try once more with the new password?",
                    "Account had 6 failed attempts, lock cleared.", "Still the same error, I'm afraid. Screenshot attached.",
                    "Glad it works now. The reset link had expired, a fresh one solved it."),
            new Conversation("Invoice shows the wrong VAT number", "Billing",
                    "Our October invoice lists our old VAT number. Can you reissue it with DE 811 907 980?",
                    "I have updated the VAT number on your account and reissued the October invoice; you will find it under Billing → Invoices.",
                    "Finance confirmed the new VAT id in VIES.", "Thanks, could you do the same for September?",
                    "September is reissued as well. Both invoices now show the correct VAT number."),
            new Conversation("API returns 502 on bulk export", "Technical",
                    "Since yesterday the /export endpoint returns 502 for anything above 5,000 rows. Smaller exports work.",
                    "Thanks for the details. We can reproduce it and our engineers are looking at the export worker now.",
                    "Export worker OOMs over 5k rows; Kenji is on it. Linked to incident board.",
                    "Any news? Our month-end reporting depends on it.",
                    "A fix is deployed: exports now stream, and 50,000 rows complete in under a minute."),
            new Conversation("Request to add two seats to our plan", "Billing",
                    "We are onboarding two new colleagues next week. Please add two seats to our subscription.",
                    "Done: your plan now has 14 seats, prorated on the next invoice.", "Checked the contract: no discount tier change.",
                    "Perfect, and can the invoice go to accounts@ instead of me?",
                    "The billing contact is now accounts@. Anything else, just reply here."),
            new Conversation("How do I export my data to CSV?", "Customer Support",
                    "Is there a way to export all our contacts to a CSV file? I couldn't find it in the settings.",
                    "Yes: open Contacts, select all, then Actions → Export as CSV. Large exports arrive by email.",
                    "Candidate for a KB article.", "Found it, thanks! Does it include custom fields?",
                    "It does: every custom field becomes a column."),
            new Conversation("Two-factor codes not arriving by SMS", "Technical",
                    "None of my team receives the SMS codes for two-factor sign-in since this morning. We are in Norway.",
                    "Our SMS provider reports delays for Nordic carriers. Meanwhile you can switch to an authenticator app under Profile → Security.",
                    "Provider status page: degraded in NO/SE/DK.", "Authenticator app works, thanks. Will SMS come back?",
                    "The provider resolved the carrier issue; SMS codes are arriving again."),
            new Conversation("Refund for duplicate charge", "Billing",
                    "My card was charged twice for the November renewal (two charges of €49). Please refund one.",
                    "You are right, the payment was captured twice. I have refunded one charge; it shows in 5-10 business days.",
                    "Duplicate capture from gateway retry — reported to payments team.",
                    "I see the refund as pending. Thank you!", "The refund has settled. Sorry for the trouble."),
            new Conversation("Webhook signature verification fails", "Technical",
                    "Our endpoint rejects your webhooks: the HMAC we compute never matches the X-Signature header.",
                    "The signature is computed over the raw request body before any JSON parsing. Could you check your framework does not re-serialise it?",
                    "Common issue with Express body-parser.", "That was it, we were hashing the parsed body. Works now.",
                    "Great to hear. I'll add a note about raw bodies to our docs."),
            new Conversation("Change the owner of our workspace", "Customer Support",
                    "Our previous admin left the company. Can you transfer workspace ownership to me?",
                    "For security we need a confirmation from your domain: please reply from your company address or ask another admin to confirm.",
                    "Requester is on gmail.com: wait for confirmation from the company domain.",
                    "Our CTO has confirmed by email just now.", "Ownership has been transferred to you."),
            new Conversation("Dashboard loads very slowly", "Technical",
                    "The analytics dashboard takes more than 30 seconds to load for our account since last week.",
                    "Thanks for flagging this. Could you tell us which date range and filters you use?",
                    "Account has 2M events; query plan shows a seq scan on events_by_day.",
                    "Usually the last 90 days, all channels.", "We added an index; the dashboard now loads in about two seconds."),
            new Conversation("Where can I find our contract?", "Customer Support",
                    "Our legal team asks for a copy of our signed contract. Where can I download it?",
                    "It is under Settings → Billing → Documents. I have also attached a copy here.", "",
                    "Got it, thank you.", "You're welcome!"),
            new Conversation("Outage notification emails went to spam", "Technical",
                    "Your status notifications land in spam for all of our Outlook users.",
                    "We have published a DMARC record and DKIM-signed the status mails. Could you check the next one?",
                    "SPF was missing the status-page sender.", "The latest notification arrived in the inbox.",
                    "Thanks for confirming.")
    );
}
