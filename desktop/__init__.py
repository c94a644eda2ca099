"""The Qt desktop application: views and view-models over ``dossier``'s services."""
