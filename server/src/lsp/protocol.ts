/**
 * What the server speaks beyond standard LSP, shared with the VS Code client: two requests, one
 * notification, the initialization options and the fix-all action kind. Method names and types only,
 * so neither side pulls the other's libraries into its bundle.
 */
import type { Range } from "vscode-languageserver-types";
import type { CharterTemplate } from "../services/new-charter";
import type { Claim, FitReport } from "../services/persona-fit";

export const FIX_ALL_KIND = "source.fixAll.ctoCharter";

export interface InitializationOptions {
  /** An organisation catalog (from settings or `.cto-charter.json`) is read only in a trusted workspace. */
  workspaceTrusted?: boolean;
}

/** Sent when the user trusts the workspace during the session (trust is never withdrawn without a reload). */
export const WORKSPACE_TRUSTED = "ctoCharter/workspaceTrusted";

export interface PersonaFitParams {
  uri: string;
}

export type PersonaFitResult = Omit<FitReport, "fits"> & {
  fits: (Omit<FitReport["fits"][number], "covered"> & {
    covered: { id: string; title: string; claims: (Omit<Claim, "range"> & { range: Range })[] }[];
  })[];
};

/** How well the open charter `uri` fits each persona, best first, with the evidence. */
export const PERSONA_FIT = "ctoCharter/personaFit";

export interface NewCharterParams {
  /** A document or folder whose settings (e.g. an organisation catalog) apply; the workspace's when absent. */
  uri?: string;
}

/** A starting charter for each persona. */
export const NEW_CHARTER_TEMPLATES = "ctoCharter/newCharterTemplates";

export type NewCharterResult = CharterTemplate[];
