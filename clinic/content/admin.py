from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import FAQCategory, FAQEntry, Page


@admin.register(Page)
class PageAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "is_published", "has_unpublished_changes", "preview_link"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["published_at", "preview_link"]
    actions = ["publish", "unpublish"]

    @admin.display(description="Preview")
    def preview_link(self, obj):
        if not obj.pk:
            return "Save the page first."
        url = reverse("content:staff_page_preview", args=[obj.pk])
        return format_html('<a href="{}">See the saved draft as patients will</a>', url)

    @admin.display(boolean=True, description="On the site")
    def is_published(self, obj):
        return obj.is_published

    @admin.display(boolean=True, description="Unpublished changes")
    def has_unpublished_changes(self, obj):
        return obj.has_unpublished_changes

    def _check_publish(self, request):
        return request.user.has_perm("content.publish_page")

    @admin.action(description="Publish the draft of the selected pages")
    def publish(self, request, queryset):
        if not self._check_publish(request):
            self.message_user(request, "You may not publish pages.", messages.ERROR)
            return
        for page in queryset:
            services.page_publish(page=page)
        self.message_user(request, f"Published {queryset.count()} page(s).")

    @admin.action(description="Take the selected pages off the site")
    def unpublish(self, request, queryset):
        if not self._check_publish(request):
            self.message_user(request, "You may not unpublish pages.", messages.ERROR)
            return
        for page in queryset:
            services.page_unpublish(page=page)
        self.message_user(request, f"Unpublished {queryset.count()} page(s).")


@admin.register(FAQCategory)
class FAQCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "order"]


@admin.register(FAQEntry)
class FAQEntryAdmin(SimpleHistoryAdmin):
    list_display = ["question", "category", "order", "is_published"]
    list_filter = ["category", "is_published"]
    search_fields = ["question", "answer"]
