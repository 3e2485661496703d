import { createContext } from 'react';

/**
 * Where a dropdown puts its listbox: the element the host gave `<ConnectionForm portalContainer>`,
 * or, when none, the nearest `<dialog>` around the dropdown (read on opening), else `<body>`.
 * A modal `<dialog>` sits in the top layer and makes the rest of the page inert, so a listbox on
 * `<body>` would be drawn under it and could not be clicked.
 */
export const PortalContainerContext = createContext<HTMLElement | null | undefined>(undefined);
