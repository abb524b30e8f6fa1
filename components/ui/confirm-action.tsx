"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

/**
 * An action that cannot be undone ("Close the round now", "Remove from the partnership"):
 * the first press asks, in words, what will happen; only "Yes, …" does it. Focus moves to the
 * question and back to the first button on "Cancel", so keyboard and screen-reader users
 * follow it.
 */
export function ConfirmAction({
  label,
  question,
  consequences,
  confirmLabel,
  onConfirm,
  pending = false,
  variant = "warning",
  triggerVariant = "secondary",
  disabled = false,
}: {
  /** The first button's words (may carry visually hidden words naming what it acts on). */
  label: ReactNode;
  /** Asked before doing it: "Close the round now?" */
  question: string;
  /** What will happen, plainly (who is told, what stops). */
  consequences?: ReactNode;
  /** The confirming button: "Yes, close the round". */
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  pending?: boolean;
  variant?: ButtonVariant;
  triggerVariant?: ButtonVariant;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const id = useId();

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <Button ref={triggerRef} variant={triggerVariant} disabled={disabled || pending} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div role="group" aria-labelledby={`${id}-question`} className="rounded-md border-l-4 border-red-800 bg-red-50 p-4">
      <p id={`${id}-question`} ref={questionRef} tabIndex={-1} className="font-semibold text-red-900">
        {question}
      </p>
      {consequences ? <div className="mt-2 text-slate-900">{consequences}</div> : null}
      <div className="mt-3 flex flex-wrap gap-3">
        <Button
          variant={variant}
          pending={pending}
          pendingLabel="Working…"
          onClick={async () => {
            await onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
