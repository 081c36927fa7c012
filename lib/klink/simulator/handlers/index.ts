import type { EndpointName } from "../../registry";
import { contactHandlers } from "./contacts";
import { referenceHandlers } from "./reference";
import { ticketHandlers } from "./tickets";
import type { Handler } from "./types";

/** One handler per registry endpoint (a test checks none is missing). */
export const handlers = { ...contactHandlers, ...ticketHandlers, ...referenceHandlers } as Record<
  EndpointName,
  Handler
>;
