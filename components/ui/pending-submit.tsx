"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

/** A form's submit button that says what is happening ("Signing out…") while its form is being sent. */
export function PendingSubmit({ children, pendingLabel, variant }: { children: ReactNode; pendingLabel: ReactNode; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} pending={pending} pendingLabel={pendingLabel}>
      {children}
    </Button>
  );
}
