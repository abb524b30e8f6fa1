"use client";

import { useEffect, useRef, useState } from "react";
import type { UpdateFormProject, UpdateFormState } from "./progress-update-input";

const keptKey = (projectId: string) => `tandem:update:${projectId}`;

type Kept = { updateId?: unknown; form?: UpdateFormState };

/**
 * The update's answers, kept on this device with every change until the server has them,
 * so a dropped connection or a closed tab loses nothing. When the form opens, a kept copy
 * that differs from what the server sent comes back (continuing its draft only while that
 * draft can still change).
 */
export function useKeptUpdate({
  project,
  initial,
  initialUpdateId,
  openDraftIds,
}: {
  project: UpdateFormProject;
  initial: () => UpdateFormState;
  initialUpdateId: string | null;
  openDraftIds: readonly string[];
}) {
  const [form, setForm] = useState<UpdateFormState>(initial);
  const [updateId, setUpdateId] = useState<string | null>(initialUpdateId);
  const [restored, setRestored] = useState(false);
  const latest = useRef(form);
  const updateIdRef = useRef(updateId);

  function keep(next: UpdateFormState, id: string | null) {
    try {
      window.localStorage.setItem(keptKey(project.id), JSON.stringify({ updateId: id, form: next }));
    } catch {
      // Storage full or blocked: saving to the server still works.
    }
  }

  function clearKept() {
    try {
      window.localStorage.removeItem(keptKey(project.id));
    } catch {
      // Nothing to clear.
    }
  }

  function change(patch: Partial<UpdateFormState>) {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setForm(next);
    keep(next, updateIdRef.current);
  }

  /** The server now holds the draft `id`; the kept copy goes only if nothing changed since `sent` and it was all readable. */
  function saved(id: string, sent: UpdateFormState, complete: boolean) {
    updateIdRef.current = id;
    setUpdateId(id);
    if (complete && latest.current === sent) clearKept();
    else keep(latest.current, id);
  }

  useEffect(() => {
    let kept: Kept | null = null;
    try {
      kept = JSON.parse(window.localStorage.getItem(keptKey(project.id)) ?? "null");
    } catch {
      kept = null;
    }
    if (!kept?.form || typeof kept.form !== "object") return;
    if (JSON.stringify(kept.form) === JSON.stringify(latest.current)) {
      clearKept();
      return;
    }
    const keptId = typeof kept.updateId === "string" && openDraftIds.includes(kept.updateId) ? kept.updateId : null;
    const periodOffered = project.periods.some((period) => period.id === kept.form!.periodId);
    const next: UpdateFormState = {
      ...latest.current,
      ...kept.form,
      periodId: periodOffered ? kept.form.periodId : latest.current.periodId,
    };
    latest.current = next;
    updateIdRef.current = keptId ?? updateIdRef.current;
    // The device's copy can only be read once mounted (not on the server).
    setForm(next);
    setUpdateId(updateIdRef.current);
    setRestored(true);
    // Runs once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { form, latest, updateId, updateIdRef, restored, change, saved, clearKept };
}
