/**
 * Card data the verbs of several features share. Card data is never trusted: a button's diarienummer is parsed
 * here, once, and the remiss is then loaded by it.
 */
import { z } from 'zod';

/** A diarienummer as a card or message sends it: trimmed, not empty, of a sane length. */
export const dnrSchema = z.string().trim().min(1).max(300);

/** The data of a button that names only its remiss ("Besvara", "Visa", a refresh). */
export const dnrActionSchema = z.object({ dnr: dnrSchema });
