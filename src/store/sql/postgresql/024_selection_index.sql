-- Every table read by selection has an index led by selection_id (or
-- selection_id is its key): without one, a page of one selection read
-- the rows of every selection (bench/ranking: a stage's result sheet at
-- 540 regions scanned 64,800 outcomes). test_store checks the rule.
CREATE INDEX grant_role_selection ON grant_role (selection_id);
CREATE INDEX vacancy_selection ON vacancy (selection_id);
CREATE INDEX member_selection ON member (selection_id);
CREATE INDEX invitation_selection ON invitation (selection_id);
CREATE INDEX prac_window_selection ON prac_window (selection_id);
CREATE INDEX recusal_selection ON recusal (selection_id);
CREATE INDEX stage_absence_selection ON stage_absence (selection_id, stage);
CREATE INDEX stage_invite_selection ON stage_invite (selection_id, stage);
CREATE INDEX stage_outcome_selection ON stage_outcome (selection_id, stage);
CREATE INDEX tie_decision_selection ON tie_decision (selection_id, stage);
CREATE INDEX stage_material_selection ON stage_material (selection_id);
CREATE INDEX assessment_record_selection ON assessment_record (selection_id);
CREATE INDEX track_inquiry_selection ON track_inquiry (selection_id);
