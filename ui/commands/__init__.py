"""The window's own commands, one module each: managing the library, the Edit and View
menus, printing, help, recent libraries and the tabs restored at start-up.

They sit between the main window and the features: each gets the `Session`, the
`Workspace` and the few widgets it acts on, and the window only wires them into its menus.
"""
