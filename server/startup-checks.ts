import { EnvError, getEnv } from "./env";

// A bad configuration stops the server at start with a message naming the variable.
try {
  getEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
