"""The consent editor: clinic admins draft a new version, preview it as patients will read
it, and publish it as a major version (everyone signs again) or a minor correction.
"""
