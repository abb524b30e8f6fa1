"use client";

import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { readApiError } from "@/lib/api-errors";
import {
  sectionContentSchemas,
  type ProposalSectionKey,
  type SaveSectionInput,
  type SectionContent,
} from "@/lib/schemas/proposals";

/** Typing pauses this long before a save; leaving the section saves at once. */
export const AUTOSAVE_DELAY_MS = 1500;
const OFFLINE_RETRY_MS = 5000;

export type TheirVersion<K extends ProposalSectionKey> = {
  content: SectionContent[K];
  version: number;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
};

export type SaveState<K extends ProposalSectionKey> =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "refused"; message: string; details: string[] }
  | { kind: "conflict"; theirs: TheirVersion<K> };

const backupKey = (proposalId: string, section: ProposalSectionKey) => `tandem:proposal:${proposalId}:${section}`;

function readBackup<K extends ProposalSectionKey>(proposalId: string, section: K) {
  try {
    const raw = window.localStorage.getItem(backupKey(proposalId, section));
    if (!raw) return null;
    const stored = JSON.parse(raw) as { content?: unknown; baseVersion?: unknown };
    const content = sectionContentSchemas[section].safeParse(stored.content);
    if (!content.success || typeof stored.baseVersion !== "number") return null;
    return { content: content.data as SectionContent[K], baseVersion: stored.baseVersion };
  } catch {
    return null;
  }
}

function writeBackup(proposalId: string, section: ProposalSectionKey, content: unknown, baseVersion: number) {
  try {
    window.localStorage.setItem(backupKey(proposalId, section), JSON.stringify({ content, baseVersion }));
  } catch {
    // Storage full or blocked: the save to the server still runs.
  }
}

function clearBackup(proposalId: string, section: ProposalSectionKey) {
  try {
    window.localStorage.removeItem(backupKey(proposalId, section));
  } catch {
    // Nothing to clear.
  }
}

/**
 * One section's content while it is edited, saved to the server a moment after typing stops
 * (and at once when focus leaves the section). Every edit is also kept on this device until
 * the server has it, so a slow or dropped connection, or a closed tab, loses nothing: the
 * kept copy comes back next time and is saved then. Saves name the version they started
 * from; when someone else saved the section meanwhile, nothing is overwritten and the
 * other version is offered beside this one.
 */
export function useSectionAutosave<K extends ProposalSectionKey>(
  proposalId: string,
  section: K,
  initial: { content: SectionContent[K]; version: number },
  onSaved?: (result: { requestedPence: number }) => void,
) {
  const client = useTRPCClient();
  const [content, setContent] = useState(initial.content);
  const [state, setState] = useState<SaveState<K>>({ kind: "idle" });
  /** Bumped when content is replaced from outside typing, so inputs holding drafts reset. */
  const [generation, setGeneration] = useState(0);
  const [restored, setRestored] = useState(false);
  const latest = useRef(initial.content);
  const baseVersion = useRef(initial.version);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const again = useRef(false);
  const inConflict = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef<() => Promise<void>>(async () => {});

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current || inConflict.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    dirty.current = false;
    const sending = latest.current;
    setState({ kind: "saving" });
    try {
      const result = await client.proposal.saveSection.mutate({
        proposalId,
        section,
        content: sending,
        baseVersion: baseVersion.current,
      } as SaveSectionInput);
      if (result.status === "saved") {
        baseVersion.current = result.version;
        if (latest.current === sending) {
          clearBackup(proposalId, section);
          setState({ kind: "saved", at: new Date(result.savedAt) });
        } else {
          writeBackup(proposalId, section, latest.current, baseVersion.current);
          dirty.current = true;
          again.current = true;
        }
        onSaved?.({ requestedPence: result.requestedPence });
      } else {
        inConflict.current = true;
        dirty.current = true;
        setState({ kind: "conflict", theirs: result.current as TheirVersion<K> });
      }
    } catch (error) {
      dirty.current = true;
      if (error instanceof TRPCClientError && !error.data) {
        setState({ kind: "offline" });
        schedule(OFFLINE_RETRY_MS);
      } else {
        const view = readApiError(error);
        setState({
          kind: "refused",
          message: view?.message ?? "This section could not be saved. Your text is kept on this device.",
          details: Object.values(view?.fieldErrors ?? {}).flat(),
        });
      }
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void saveRef.current();
      }
    }
  }, [client, proposalId, section, onSaved, schedule]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = useCallback(
    (next: SectionContent[K]) => {
      latest.current = next;
      dirty.current = true;
      setContent(next);
      writeBackup(proposalId, section, next, baseVersion.current);
      if (!inConflict.current) {
        setState({ kind: "dirty" });
        schedule(AUTOSAVE_DELAY_MS);
      }
    },
    [proposalId, section, schedule],
  );

  /** Saves this version over the other person's, now that this person has seen theirs. */
  const keepMine = useCallback(() => {
    if (state.kind !== "conflict") return;
    baseVersion.current = state.theirs.version;
    inConflict.current = false;
    dirty.current = true;
    writeBackup(proposalId, section, latest.current, baseVersion.current);
    void saveRef.current();
  }, [state, proposalId, section]);

  /** Drops this person's unsaved edit in favour of what the other person saved. */
  const takeTheirs = useCallback(() => {
    if (state.kind !== "conflict") return;
    latest.current = state.theirs.content;
    baseVersion.current = state.theirs.version;
    inConflict.current = false;
    dirty.current = false;
    setContent(state.theirs.content);
    setGeneration((value) => value + 1);
    clearBackup(proposalId, section);
    setState({ kind: "saved", at: state.theirs.updatedAt ? new Date(state.theirs.updatedAt) : new Date() });
  }, [state, proposalId, section]);

  // Typing kept on this device from an earlier visit comes back and is saved (or, if the
  // section changed since, offered beside the newer version).
  useEffect(() => {
    const backup = readBackup(proposalId, section);
    if (!backup) return;
    if (JSON.stringify(backup.content) === JSON.stringify(initial.content)) {
      clearBackup(proposalId, section);
      return;
    }
    latest.current = backup.content;
    baseVersion.current = backup.baseVersion;
    dirty.current = true;
    // The device's copy is an external store only readable once mounted (not on the server).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setContent(backup.content);
    setGeneration((value) => value + 1);
    setRestored(true);
    void saveRef.current();
    // Runs once, when the editor opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Back online: save straight away rather than waiting for the retry.
  useEffect(() => {
    const online = () => void saveRef.current();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { content, update, flush: save, state, keepMine, takeTheirs, generation, restored, hasUnsaved: () => dirty.current };
}
