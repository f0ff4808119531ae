-- Until now an API call that failed through the browser's security chain was remembered as a "saved
-- request" in a new session, with all its headers: bearer tokens and Basic passwords sat in
-- spring_session_attributes for up to eight hours. Such sessions were never signed in (no principal) and
-- exist only because of that request: delete them; then delete any saved request left in a signed-in
-- session (a page remembered for after sign-in — harmless to lose, and it may hold cookies).
delete from spring_session
 where principal_name is null
   and primary_id in (select session_primary_id from spring_session_attributes
                       where attribute_name = 'SPRING_SECURITY_SAVED_REQUEST');
delete from spring_session_attributes where attribute_name = 'SPRING_SECURITY_SAVED_REQUEST';
