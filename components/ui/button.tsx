import { Link } from "@/components/ui/link";
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ComponentProps, ReactNode, Ref } from "react";

/**
 * Buttons and links that look like buttons. Their colours carry the `!` modifier so no
 * element rule (e.g. a site-wide `a { color }`) can make a primary action's text the colour
 * of its background.
 */
export type ButtonVariant = "primary" | "secondary" | "warning" | "quiet";

const BASE =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-center font-semibold no-underline! disabled:cursor-not-allowed disabled:opacity-60";

export const BUTTON_CLASSES: Readonly<Record<ButtonVariant, string>> = {
  primary: `${BASE} bg-brand-800! text-white! hover:bg-brand-900! hover:text-white! visited:text-white!`,
  secondary: `${BASE} border-2 border-brand-800 bg-white! text-brand-800! hover:bg-brand-50! hover:text-brand-900! visited:text-brand-800!`,
  warning: `${BASE} bg-red-800! text-white! hover:bg-red-900! hover:text-white! visited:text-white!`,
  quiet: `${BASE} px-3 text-brand-800! underline! underline-offset-2 hover:bg-brand-50! hover:text-brand-900!`,
};

export function buttonClasses(variant: ButtonVariant = "primary", className = ""): string {
  return `${BUTTON_CLASSES[variant]} ${className}`.trim();
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  pending?: boolean;
  pendingLabel?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
};

/** A button; while `pending` it is disabled and may say what it is doing ("Saving…"). */
export function Button({ variant = "primary", pending = false, pendingLabel, className, type = "button", children, disabled, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || pending}
      aria-disabled={disabled || pending || undefined}
      className={buttonClasses(variant, className)}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

type ButtonLinkProps = Omit<ComponentProps<typeof Link>, "className"> & { variant?: ButtonVariant; className?: string };

/** A link to another page that looks like a button (GOV.UK "start" and call-to-action links). */
export function ButtonLink({ variant = "primary", className, ...rest }: ButtonLinkProps) {
  return <Link {...rest} className={buttonClasses(variant, className)} />;
}

/** A plain anchor styled as a button, for downloads and addresses Next should not prefetch. */
export function ButtonAnchor({
  variant = "secondary",
  className,
  children,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonVariant }) {
  return (
    <a {...rest} className={buttonClasses(variant, className)}>
      {children}
    </a>
  );
}
