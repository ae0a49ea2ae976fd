"use client";
// Whether the article form is read-only now (someone else holds the edit lock, edit-session.tsx).
// The surrounding <fieldset disabled> covers the native controls; a contenteditable ignores it, so
// the rich body editor reads this instead.
import { createContext } from "react";

export const FormReadOnly = createContext(false);
