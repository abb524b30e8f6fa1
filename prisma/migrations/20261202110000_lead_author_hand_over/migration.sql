-- A proposal's lead author can hand the lead to a co-author (before a role change that
-- would otherwise leave the proposal without anyone able to lead it).
ALTER TYPE "ProposalEventKind" ADD VALUE 'LEAD_AUTHOR_CHANGED' AFTER 'CO_AUTHOR_REMOVED';
