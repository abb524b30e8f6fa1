import { BUTTON_CLASSES } from "./button";

/** Class names for controls that cannot use <Button> (e.g. a form's submit inside a third-party widget). */
export const buttonClass = {
  primary: BUTTON_CLASSES.primary,
  secondary: BUTTON_CLASSES.secondary,
  warning: BUTTON_CLASSES.warning,
  quiet: BUTTON_CLASSES.quiet,
} as const;
